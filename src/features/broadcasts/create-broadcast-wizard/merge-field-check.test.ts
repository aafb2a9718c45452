import { describe, expect, it } from 'vitest';
import type { ChoiceStore } from '@contract/column-mapping.ts';
import type { User } from '@contract/user.ts';
import { newDraft, toCreateInput, type BroadcastDraft } from './broadcast-draft.ts';
import { mergeFieldGaps } from './merge-field-check.ts';
import { readRecipientFile, recipientFileCsv } from './recipient-file.ts';
import { sendInputOf } from './send-input.ts';

/** Only what a new draft reads of its user. */
const user = { CallerID: '2027075000', State: 'TX', ContinueOnNextDay: false, Retries: 1, CallThrottle: 0, MaxMessageLength: 60 } as User;
const noMemory: ChoiceStore = { getItem: () => null, setItem: () => undefined };

const people = readRecipientFile('Phone,Name\n2145550100,Ada Lovelace\n2145550101,\n2145550102,Grace Hopper\n', noMemory).people;

/** A text to a file of three (one without a name), a picked contact without a name, a typed number and a list of 40. */
function textDraft(text: string, fallbacks: Partial<BroadcastDraft['mergeFallbacks']> = {}): BroadcastDraft {
  const draft = newDraft(user, 1000);
  return {
    ...draft,
    type: { ...draft.type, name: 'Lincoln Elementary', channel: 'text' },
    recipients: {
      ...draft.recipients,
      lists: [{ id: 7, name: 'Parents', count: 40 }],
      contacts: [{ personId: 3, name: '', phone: '2145550200' }],
      pasted: '2145550300',
      files: [{ fileId: 'F1', name: 'parents.csv', rows: 3, csv: recipientFileCsv(people) }],
    },
    message: { ...draft.message, textMessage: text, needs: { voice: false, text: true, survey: false } },
    mergeFallbacks: { ...draft.mergeFallbacks, ...fallbacks },
  };
}

describe('merge fields the text uses', () => {
  it('counts, for each field, the recipients the wizard knows without a value', () => {
    expect(mergeFieldGaps(textDraft('Hi {{FirstName}}, about {{Notes}}'))).toEqual({
      gaps: [
        // The file's nameless row, the nameless contact and the typed number.
        { field: 'FirstName', checked: 5, missing: 3 },
        // A picked contact's notes come from their record: not checked here.
        { field: 'Notes', checked: 4, missing: 4 },
      ],
      unchecked: 40,
    });
    expect(mergeFieldGaps(textDraft('No fields'))).toEqual({ gaps: [], unchecked: 0 });
  });

  it('sends inline recipients with the fallback in their empty fields', () => {
    const input = toCreateInput(textDraft('Hi {{FirstName}}', { FirstName: 'there', Notes: 'unused' }));
    expect(input.Contacts).toEqual([
      { FirstName: 'there', LastName: '', PrimaryPhone: '2145550200' },
      { FirstName: 'there', PrimaryPhone: '2145550300' },
    ]);
  });

  it('uploads a file again with the fallback written into its rows before sending', async () => {
    const uploads: Array<{ csv: string; fileName: string }> = [];
    const upload = async (csv: string, fileName: string) => {
      uploads.push({ csv, fileName });
      return { FileID: 'F2' };
    };
    const input = await sendInputOf(textDraft('Hi {{FirstName}}', { FirstName: 'there' }), upload);
    expect(input.FileUploads).toEqual([{ FileID: 'F2' }]);
    expect(uploads).toEqual([{ fileName: 'parents.csv', csv: expect.stringContaining('\r\nthere,,2145550101,') }]);
    expect(uploads[0]!.csv).toContain('\r\nAda,Lovelace,2145550100,');

    // Without a fallback, or when everyone has a value, the uploaded file is sent as it is.
    expect((await sendInputOf(textDraft('Hi {{FirstName}}'), upload)).FileUploads).toEqual([{ FileID: 'F1' }]);
    expect((await sendInputOf(textDraft('Hi {{LastName}}', { FirstName: 'there' }), upload)).FileUploads).toEqual([{ FileID: 'F1' }]);
    expect(uploads).toHaveLength(1);
  });
});
