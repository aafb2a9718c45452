import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { formatCount } from '@/utils/format-number.ts';
import { surveyAnswerText, surveyKeysOf } from '../broadcast-display.ts';
import { FilterToggle } from './filter-toggle.tsx';

export interface SurveyAnswersChartProps {
  /** Count per key pressed, as the API gives it: `{"1": 12, "2": 3}`. */
  responses: Record<string, number>;
  /** What each key means (see surveyLabelsOf); keys without a label read "Pressed 1". */
  labels: ReadonlyMap<string, string>;
  /** What was asked, when known. */
  question?: string | null;
  /** Live answers: the people who could have answered. */
  answeredCalls: number;
  selected: string | null;
  onSelect: (key: string | null) => void;
}

/** Survey answers by what each key means, as bars; each answer is also a button that shows who gave it. */
export function SurveyAnswersChart({ responses, labels, question, answeredCalls, selected, onSelect }: SurveyAnswersChartProps) {
  const keys = surveyKeysOf(responses, labels);
  const total = keys.reduce((sum, key) => sum + (responses[key] ?? 0), 0);
  const asked = question?.trim() ? (
    <Typography variant="subtitle1" component="p">
      {question.trim()}
    </Typography>
  ) : null;
  if (total === 0) {
    return (
      <Stack spacing={1}>
        {asked}
        <Typography variant="body2" color="textSecondary" sx={{ py: 4, textAlign: 'center' }}>
          No one has answered the survey yet.
        </Typography>
      </Stack>
    );
  }
  const toggle = (key: string) => onSelect(selected === key ? null : key);
  return (
    <Stack spacing={1.5}>
      {asked}
      <BarChart
        height={200}
        skipAnimation
        hideLegend
        margin={{ left: 8, right: 16, top: 12, bottom: 4 }}
        xAxis={[{ scaleType: 'band', data: keys.map((key) => labels.get(key) ?? `Pressed ${key}`), categoryGapRatio: 0.6 }]}
        yAxis={[{ min: 0, valueFormatter: (value: number) => formatCount(value), width: 44 }]}
        series={[
          {
            data: keys.map((key) => responses[key] ?? 0),
            label: 'Answers',
            color: 'var(--mui-palette-secondary-main)',
            valueFormatter: (value) => (value === null ? '' : formatCount(value)),
          },
        ]}
        borderRadius={4}
        grid={{ horizontal: true }}
        onItemClick={(_event, item) => toggle(keys[item.dataIndex]!)}
        aria-hidden
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label="Survey answers">
        {keys.map((key) => {
          const active = selected === key;
          return (
            <FilterToggle key={key} active={active} onToggle={() => toggle(key)}>
              <Typography variant="body2" component="span">
                {surveyAnswerText(key, labels)}: <Box component="strong">{formatCount(responses[key] ?? 0)}</Box>
              </Typography>
            </FilterToggle>
          );
        })}
      </Stack>
      <Typography variant="body2" color="textSecondary">
        {formatCount(total)} of {formatCount(answeredCalls)} people who answered the call pressed a key.
      </Typography>
    </Stack>
  );
}
