import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { unicodeFixesOf, type UnicodeCharacter } from '@contract/sms-segments.ts';
import { formatCountOf } from '@/utils/format-number.ts';

export interface UnicodeCharactersProps {
  /** The text as typed (without anything the service adds). */
  text: string;
  /** Called with the text once a character has been replaced; the caller puts it in its field. */
  onReplace: (text: string) => void;
  /** Without its own frame, inside another panel (the text checks). */
  bare?: boolean;
}

/** Spaces and zero-width characters look like nothing: they are shown by name. */
const invisible = (character: string) => /^[\s\u200b\ufeff]$/u.test(character);

const shown = ({ character, name }: Pick<UnicodeCharacter, 'character' | 'name'>) => (invisible(character) && name ? name : character);

function replaceLabel({ character, name, replacement }: UnicodeCharacter): string {
  if (replacement === '') return `Remove ${shown({ character, name })}`;
  return `Replace ${shown({ character, name })} with ${replacement === ' ' ? 'a space' : replacement}`;
}

const CONTEXT = 12;

/** A few characters either side of the first appearance, so it can be found in the text. */
function excerptAround(text: string, { character, firstIndex }: UnicodeCharacter) {
  const before = Array.from(text.slice(0, firstIndex).replace(/\s+/g, ' '));
  const after = Array.from(text.slice(firstIndex + character.length).replace(/\s+/g, ' '));
  return {
    before: `${before.length > CONTEXT ? '…' : ''}${before.slice(-CONTEXT).join('')}`,
    after: `${after.slice(0, CONTEXT).join('')}${after.length > CONTEXT ? '…' : ''}`,
  };
}

/**
 * Under a text's counter: which characters make the text Unicode (70 characters a segment instead of 160), each
 * highlighted where it first appears, with a button that swaps it for its plain GSM-7 equivalent where one exists.
 */
export function UnicodeCharacters({ text, onReplace, bare = false }: UnicodeCharactersProps) {
  const fixes = unicodeFixesOf(text);
  const found = fixes.characters;
  if (found.length === 0) return null;
  const replaceable = found.filter((item) => item.replacement !== null);
  return (
    <Box
      role="group"
      aria-label="Characters that make this a Unicode text"
      sx={bare ? undefined : { border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 1 }}
    >
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {found.length === 1 ? 'This character makes' : 'These characters make'} the text Unicode: 70 characters fit in a segment instead of 160.
      </Typography>
      <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {found.map((item) => {
          const { before, after } = excerptAround(text, item);
          return (
            <Box
              component="li"
              key={item.character}
              sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, rowGap: 0.25, minHeight: 32 }}
            >
              <Typography variant="body2" component="span" sx={{ overflowWrap: 'anywhere' }}>
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  {before}
                </Box>
                <Box
                  component="mark"
                  sx={(theme) => ({
                    px: 0.5,
                    mx: 0.25,
                    borderRadius: 0.5,
                    fontWeight: 600,
                    color: 'inherit',
                    // A warm highlight that keeps the text readable in both modes.
                    backgroundColor: `rgba(${theme.vars?.palette.warning.mainChannel ?? '237 108 2'} / 0.28)`,
                    outline: '1px solid',
                    outlineColor: 'warning.main',
                  })}
                >
                  {invisible(item.character) ? `[${item.name ?? 'space'}]` : item.character}
                </Box>
                <Box component="span" sx={{ color: 'text.secondary' }}>
                  {after}
                </Box>
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {[item.name && !invisible(item.character) ? item.name : null, item.count > 1 ? formatCountOf(item.count, 'time', 'times') : null]
                  .filter(Boolean)
                  .join(', ')}
              </Typography>
              {item.replacement === null ? (
                <Typography variant="caption" color="textSecondary">
                  No plain equivalent
                </Typography>
              ) : (
                <Button size="small" onClick={() => onReplace(fixes.replace(item))} sx={{ ml: 'auto' }}>
                  {replaceLabel(item)}
                </Button>
              )}
            </Box>
          );
        })}
      </Stack>
      {replaceable.length > 1 && (
        <Button size="small" variant="outlined" onClick={() => onReplace(fixes.replaceAll())} sx={{ mt: 1 }}>
          Replace all {replaceable.length} with plain characters
        </Button>
      )}
    </Box>
  );
}
