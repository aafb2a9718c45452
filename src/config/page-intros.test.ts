import { describe, expect, it } from 'vitest';
import { firstViewIntrosHtml, pageIntros } from './page-intros.ts';

const introsOf = (html: string) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return [...template.content.querySelectorAll<HTMLElement>('.first-view-page')].map((page) => ({
    path: page.dataset.path,
    title: page.querySelector('.first-view-title')?.textContent,
    description: page.querySelector('.first-view-description')?.textContent,
  }));
};

describe('firstViewIntrosHtml', () => {
  const intros = introsOf(firstViewIntrosHtml());

  it('gives the home and the broadcasts page the broadcasts intro', () => {
    expect(intros.filter((intro) => intro.title === pageIntros.broadcasts.title).map((intro) => intro.path)).toEqual(['/', '/broadcasts']);
  });

  it('keeps the text as written, quotes included', () => {
    expect(intros.find((intro) => intro.path === '/account')?.description).toBe("Your organisation's details, credit balance and usage.");
    expect(firstViewIntrosHtml()).not.toContain("organisation's");
  });

  it('names each address once and as the browser shows it: no route parameters', () => {
    const paths = intros.map((intro) => intro.path!);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path).toMatch(/^\/[a-z-]*(\/[a-z-]+)*$/);
  });
});
