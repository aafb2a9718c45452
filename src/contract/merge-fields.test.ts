import { describe, expect, it } from 'vitest';
import { hasMergeFields, mergeFieldNames, personalise, usedMergeFields } from './merge-fields.ts';

describe('merge fields', () => {
  it('finds the fields a text uses, once each, unknown names apart', () => {
    const text = 'Hi {{FirstName}} {{ LastName }}, {{FirstName}}! {{School}}';
    expect(mergeFieldNames(text)).toEqual(['FirstName', 'LastName', 'School']);
    expect(usedMergeFields(text)).toEqual(['FirstName', 'LastName']);
    expect(hasMergeFields('No fields here')).toBe(false);
  });

  it('fills each known field and leaves an unknown one as written', () => {
    expect(personalise('Hi {{FirstName}}, {{Notes}} {{School}}', { FirstName: 'Ada', LastName: '', Notes: 'room 4', IntegrationData: '' })).toBe(
      'Hi Ada, room 4 {{School}}',
    );
  });
});
