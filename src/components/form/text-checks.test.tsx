import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { senderOf, type TextLintContext } from '@contract/text-lints.ts';
import { TextChecks } from './text-checks.tsx';

const broadcast: TextLintContext = { sender: senderOf({ organization: 'Galaxy Community Schools' }), optOut: 'not-added' };

function Composer({ initial, context = broadcast }: { initial: string; context?: TextLintContext }) {
  const [text, setText] = useState(initial);
  return (
    <>
      <textarea aria-label="Text" value={text} onChange={(event) => setText(event.target.value)} />
      <TextChecks text={text} context={context} onChange={setText} />
    </>
  );
}

const checks = () => screen.getByRole('region', { name: /^Before you send/ });
const findings = () =>
  within(checks())
    .getAllByRole('listitem')
    .filter((item) => item.parentElement?.closest('li') === null);

describe('TextChecks', () => {
  it('lists each finding with why it matters, and a fix takes it away', async () => {
    const user = userEvent.setup();
    render(<Composer initial="GALAXY: PICTURE DAY IS FRIDAY, FORMS AT BIT.LY/GALAXY-PICS" />);
    expect(checks()).toHaveAccessibleName('Before you send: 3 suggestions (none stops you sending)');
    expect(findings().map((item) => within(item).getAllByText(/./)[0]!.textContent)).toEqual([
      'Shortened link: BIT.LY/GALAXY-PICS',
      'Mostly capital letters',
      'It does not say how to stop these texts',
    ]);
    expect(within(checks()).getByText(/Carriers often block texts with shortened links/)).toBeInTheDocument();
    // A shortened link has no fix: only a person can find the full one.
    expect(within(findings()[0]!).queryByRole('button')).not.toBeInTheDocument();

    await user.click(within(checks()).getByRole('button', { name: 'Lower-case it' }));
    expect(screen.getByRole('textbox', { name: 'Text' })).toHaveValue('Galaxy: picture day is Friday, forms at BIT.LY/GALAXY-PICS');
    expect(checks()).toHaveAccessibleName('Before you send: 2 suggestions (none stops you sending)');

    await user.click(within(checks()).getByRole('button', { name: 'Add “Reply STOP to opt out.”' }));
    expect(screen.getByRole('textbox', { name: 'Text' })).toHaveValue('Galaxy: picture day is Friday, forms at BIT.LY/GALAXY-PICS Reply STOP to opt out.');
    expect(findings()).toHaveLength(1);
  });

  it('shows the Unicode characters as one finding, replaced in place', async () => {
    const user = userEvent.setup();
    render(<Composer initial="Galaxy: don’t be late. Reply STOP to opt out." />);
    const unicode = within(checks()).getByRole('group', { name: 'Characters that make this a Unicode text' });
    expect(within(checks()).getByText('A character that doubles the cost')).toBeInTheDocument();
    await user.click(within(unicode).getByRole('button', { name: "Replace ’ with '" }));
    expect(screen.getByRole('textbox', { name: 'Text' })).toHaveValue("Galaxy: don't be late. Reply STOP to opt out.");
    expect(screen.queryByRole('region', { name: /^Before you send/ })).not.toBeInTheDocument();
  });

  it('shows nothing for a clean text, or where the notice is added and the sender need not be named', () => {
    const { unmount } = render(<Composer initial="Galaxy: the bus runs late today. Reply STOP to opt out." />);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    unmount();
    render(<Composer initial="See you at the meeting tomorrow at six" context={{ sender: null, optOut: 'not-first-text' }} />);
    expect(screen.getByRole('textbox', { name: 'Text' })).toHaveValue('See you at the meeting tomorrow at six');
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });
});
