import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { countSegments } from '@contract/sms-segments.ts';
import { SmsSegmentCounter } from '@/components/form/sms-segment-counter.tsx';
import { UnicodeCharacters } from '@/components/form/unicode-characters.tsx';

function Composer({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  return (
    <>
      <textarea aria-label="Text" value={text} onChange={(event) => setText(event.target.value)} />
      <SmsSegmentCounter count={countSegments(text)} />
      <UnicodeCharacters text={text} onReplace={setText} />
    </>
  );
}

describe('UnicodeCharacters', () => {
  it('highlights each character that makes a text Unicode and replaces it in one click', async () => {
    const user = userEvent.setup();
    render(<Composer initial={'Don’t forget—it’s Thursday\u00a0👍'} />);
    expect(screen.getByText('Unicode')).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'Characters that make this a Unicode text' });
    // Highlighted where it first appears, with the words around it.
    expect(within(group).getAllByText('’', { selector: 'mark' })).toHaveLength(1);
    expect(within(group).getByText('[non-breaking space]', { selector: 'mark' })).toBeInTheDocument();
    expect(within(group).getByText('No plain equivalent')).toBeInTheDocument();

    await user.click(within(group).getByRole('button', { name: "Replace ’ with '" }));
    expect(screen.getByRole('textbox', { name: 'Text' })).toHaveValue("Don't forget—it's Thursday\u00a0👍");
    await user.click(within(group).getByRole('button', { name: 'Replace — with -' }));
    await user.click(within(group).getByRole('button', { name: 'Replace non-breaking space with a space' }));
    expect(screen.getByRole('textbox', { name: 'Text' })).toHaveValue("Don't forget-it's Thursday 👍");
    // Only the emoji is left: still Unicode, and nothing more to replace.
    expect(within(group).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('Unicode')).toBeInTheDocument();
  });

  it('replaces every replaceable character at once, and the counter goes back to GSM-7', async () => {
    const user = userEvent.setup();
    render(<Composer initial="“Early release” today… don’t be late" />);
    expect(screen.getByText(/1 segment · 34 left/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Replace all 4 with plain characters' }));
    expect(screen.getByRole('textbox', { name: 'Text' })).toHaveValue('"Early release" today... don\'t be late');
    expect(screen.getByText('GSM-7')).toBeInTheDocument();
    expect(screen.getByText(/1 segment · 122 left/)).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Characters that make this a Unicode text' })).not.toBeInTheDocument();
  });
});
