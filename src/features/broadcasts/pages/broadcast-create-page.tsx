import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import ArrowForwardOutlined from '@mui/icons-material/ArrowForwardOutlined';
import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import SendOutlined from '@mui/icons-material/SendOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { visuallyHidden } from '@mui/utils';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '@/api/api-error.ts';
import { useCreateBroadcast } from '@/api/resources/broadcasts/broadcast-mutations.ts';
import { broadcastQueries } from '@/api/resources/broadcasts/broadcast-queries.ts';
import { accountQueries } from '@/api/resources/account/account-queries.ts';
import { useFeatureOffered } from '@/api/route-availability.ts';
import { sessionQueries } from '@/api/resources/session/session-queries.ts';
import { withSettingDefaults } from '@/api/resources/session/session-user.ts';
import type { User } from '@contract/user.ts';
import { timeZoneForState } from '@contract/common.ts';
import { timeZoneName } from '@/utils/dayjs.ts';
import { useConfirm } from '@/components/feedback/confirm-dialog.tsx';
import { LoadingScreen } from '@/components/feedback/loading-screen.tsx';
import { useNotify } from '@/components/feedback/notifications.tsx';
import { QueryErrorAlert } from '@/components/feedback/query-error-alert.tsx';
import { PageContainer } from '@/components/layout/page-container.tsx';
import { pageIntros } from '@/config/page-intros.ts';
import { paths } from '@/config/paths.ts';
import { useDebouncedValue } from '@/hooks/use-debounced-value.ts';
import {
  messageStepSchema,
  needsOf,
  newDraft,
  parsePastedNumbers,
  SENT_ID_UNKNOWN,
  toCreateInput,
  type BroadcastDraft,
} from '../create-broadcast-wizard/broadcast-draft.ts';
import { prefillQuery, prefillRequestOf } from '../create-broadcast-wizard/prefill.ts';
import { ReachSummary } from '../create-broadcast-wizard/reach-summary.tsx';
import { MergeFieldPanel } from '../create-broadcast-wizard/merge-field-panel.tsx';
import { useSendInput } from '../create-broadcast-wizard/send-input.ts';
import { estimateReach } from '../create-broadcast-wizard/estimate-reach.ts';
import { useBroadcastDraft } from '../create-broadcast-wizard/use-broadcast-draft.ts';
import { DraftConflictNotice } from '../create-broadcast-wizard/draft-conflict-notice.tsx';
import { useUndoWindow } from '../create-broadcast-wizard/use-undo-window.ts';
import { UndoWindowNote } from '../create-broadcast-wizard/undo-window-note.tsx';
import { RecipientZones } from '../create-broadcast-wizard/recipient-zones.tsx';
import { withStartAt } from '../create-broadcast-wizard/recipient-zones.ts';
import { withZoneSplit } from '../create-broadcast-wizard/zone-split.ts';
import { useZoneSplitSend } from '../create-broadcast-wizard/use-zone-split-send.ts';
import { ZoneSplitProgressBar } from '../create-broadcast-wizard/zone-split-progress.tsx';
import { useSendingSettings } from '@/api/sending-settings.ts';
import { useDoubleSendCheck } from '../create-broadcast-wizard/use-double-send-check.ts';
import { stepToShow } from '../create-broadcast-wizard/step-reach.ts';
import { STEP_FORM_ID } from '../create-broadcast-wizard/wizard-step.ts';
import { wizardSteps } from '../create-broadcast-wizard/wizard-steps.ts';
import { DatePickersProvider } from '@/components/form/date-pickers-provider.tsx';
import { isCreatedUnread } from '@/api/api-client.ts';
import { formatCountOf } from '@/utils/format-number.ts';

const hasRecipients = ({ recipients }: BroadcastDraft) =>
  recipients.lists.length + recipients.contacts.length + recipients.files.length + (recipients.carried?.people.length ?? 0) > 0 ||
  parsePastedNumbers(recipients.pasted).valid.length > 0;

/** Set on the history entry the wizard adds for a step: the step it was added from. */
interface StepEntryState {
  wizardStepFrom: number;
}
const stepAddedFrom = (state: unknown) =>
  typeof state === 'object' && state !== null && 'wizardStepFrom' in state ? (state as StepEntryState).wizardStepFrom : null;

/** The wizard, once the user and their draft are known. */
function CreateBroadcastWizard({ user }: { user: User }) {
  const navigate = useNavigate();
  const notify = useNotify();
  const confirm = useConfirm();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const { draft: stored, update, recordSplit, start, discard, stepHref, addressed, revision } = useBroadcastDraft(user);
  // StartDate and the API's times are in the user's zone (decision 0158).
  const userZone = timeZoneForState(user.State ?? '');
  const [fallback] = useState(() => newDraft(user));
  const draft = stored ?? fallback;
  const create = useCreateBroadcast();
  const sendInput = useSendInput();
  const compact = useMediaQuery((theme) => theme.breakpoints.down('md'));
  // Below the two-column layout the reach panel comes under the step: Back and Next come after it, so who the
  // broadcast reaches is read before moving on.
  const stacked = useMediaQuery((theme) => theme.breakpoints.down('lg'), { noSsr: true });
  const headingRef = useRef<HTMLHeadingElement>(null);
  // After "Discard draft" the name is not focused for the user: the closing dialog hands the focus back to its
  // button, and the name losing it would count as visited and show "Name the broadcast" at once.
  const [freshAfterDiscard, setFreshAfterDiscard] = useState(false);
  // The quiet-hours fix moves the start from the panel: the open step's form is opened afresh to show it (decision 0182).
  const [startFixes, setStartFixes] = useState(0);

  // Duplicate, send again, or an API draft: build the draft from it once, then drop the request from the URL.
  const request = prefillRequestOf(searchParams);
  const prefill = useQuery({ ...prefillQuery(user, request ?? { from: null, resultCategory: null, status: null, draftId: null }), enabled: request !== null });
  // A copy is a draft of its own, opened at its own address; the draft in progress stays in Drafts (decision 0193).
  const applied = useRef<BroadcastDraft | null>(null);
  const applyPrefill = useEffectEvent((prefilled: BroadcastDraft) => {
    if (applied.current === prefilled) return;
    applied.current = prefilled;
    // Fresh ids: the same copy asked for twice (a cached answer) makes two drafts, each sent once.
    start({ ...prefilled, id: crypto.randomUUID(), idempotencyKey: crypto.randomUUID() });
  });
  useEffect(() => {
    if (prefill.data) applyPrefill(prefill.data);
  }, [prefill.data]);

  // Ask the sandbox what this draft would do, once typing pauses.
  // Only a draft whose message is written is asked about: the service refuses (400) a request without one, so before
  // that the reach and cost are estimated here, as they are without a preview route (decision 0132).
  const settled = useDebouncedValue(
    useMemo(() => ({ input: toCreateInput(draft), complete: messageStepSchema.safeParse({ ...draft.message, needs: needsOf(draft.type) }).success }), [draft]),
    500,
  );
  // Each step has its own address (`?step=recipients`, decision 0159), so Back and Forward move between steps and a
  // reload stays on one; a step the draft cannot open yet shows the furthest one it can.
  const requestedIndex = wizardSteps.findIndex((wizardStep) => wizardStep.id === searchParams.get('step'));
  const stepIndex = Math.min(stepToShow(requestedIndex === -1 ? null : requestedIndex, draft), wizardSteps.length - 1);
  const step = wizardSteps[stepIndex]!;
  const last = stepIndex === wizardSteps.length - 1;
  // A send now is held for the account's undo window where the API can cancel (decisions 0185, 0186).
  const undoWindow = useUndoWindow(user, userZone, last);

  const previewable = stepIndex >= 1 && hasRecipients(draft) && draft.sentBroadcastId === null;
  const previewOffered = useFeatureOffered('broadcastPreview');
  const askPreview = previewOffered && settled.complete;
  const preview = useQuery({ ...broadcastQueries.preview(settled.input), enabled: previewable && askPreview });
  const plan = previewable && askPreview && !preview.isError ? preview.data : undefined;
  const account = useQuery({ ...accountQueries.detail(), enabled: previewable && !askPreview });
  const estimate = previewable && !askPreview ? estimateReach(draft, account.data?.AvailableCallUnits ?? null) : undefined;
  // Send waits for the double-send check, and for "Send it anyway" when it names a look-alike (decision 0188).
  const doubleSend = useDoubleSendCheck(draft, user, last);
  // Or it goes out one broadcast a time zone (decision 0198).
  const { settings: sendingSettings } = useSendingSettings();
  const zoneSplit = useZoneSplitSend({
    draft,
    recordSplit,
    userZone,
    durationMinutes: plan?.EstimatedDuration ?? 0,
    hours: { start: sendingSettings.LocalSendingStart, end: sendingSettings.LocalSendingEnd },
  });

  // A draft already sent when the wizard opens is done with: "New broadcast" starts a blank one. (A tab that sends,
  // or shares the draft with the one that did, keeps showing that it was sent.)
  const [openedOnSent] = useState(() => stored !== null && stored.sentBroadcastId !== null && request === null);
  useEffect(() => {
    if (openedOnSent) start(newDraft(user));
  }, [openedOnSent, start, user]);

  // Each step change moves focus to its title, so screen readers announce where the user is; unless the step has
  // focused its first field: taking the focus from it would mark the field visited and show its error at once.
  useEffect(() => {
    if (!document.getElementById(STEP_FORM_ID)?.contains(document.activeElement)) headingRef.current?.focus();
  }, [stepIndex]);

  // The address names the step shown (a replace, not a new entry: nothing was done) and the draft remembers it, for
  // the next time the wizard opens without one. Not while a copy is being prepared: its request is in the address.
  // Not before `/broadcasts/new` has moved to the draft's own address: two replaces at once race, and the slower one
  // would bring back the step asked for.
  const shownId = draft.sentBroadcastId === null && request === null ? step.id : null;
  useEffect(() => {
    if (shownId === null || !addressed) return;
    if (searchParams.get('step') !== shownId) void navigate(stepHref(shownId), { replace: true, state: location.state });
  }, [shownId, addressed, searchParams, navigate, location.state, stepHref]);
  // Only when the address changes: two tabs on different steps of the one draft would otherwise overwrite each other.
  const rememberStep = useEffectEvent(() => {
    if (shownId !== null && draft.step !== stepIndex) update((current) => ({ ...current, step: stepIndex }));
  });
  useEffect(() => rememberStep(), [location.key]);

  /** Opens a step as a new history entry, so the browser's Back returns to this one. */
  const show = (index: number) => {
    const state: StepEntryState = { wizardStepFrom: stepIndex };
    void navigate(stepHref(wizardSteps[index]!.id), { state });
  };
  const goTo = (index: number) => {
    setFreshAfterDiscard(false);
    show(index);
  };
  // Back after Next is the browser's Back (its Forward then returns); elsewhere (a reload, a link) it adds an entry.
  const back = () => {
    if (stepAddedFrom(location.state) === stepIndex - 1) {
      setFreshAfterDiscard(false);
      void navigate(-1);
    } else goTo(stepIndex - 1);
  };
  const next = (change: (current: BroadcastDraft) => BroadcastDraft) => {
    if (!last) {
      setFreshAfterDiscard(false);
      update((current) => ({ ...change(current), step: stepIndex + 1 }));
      show(stepIndex + 1);
      return;
    }
    if (doubleSend.holdsSend) return;
    if (draft.zoneSplit) {
      zoneSplit.send.mutate(undefined, {
        onSuccess: ({ parts, unreachable, firstId, linked }) => {
          update((current) => ({ ...current, sentBroadcastId: firstId }));
          const left = unreachable.length === 0 ? '' : ` Not sent to ${unreachable.join(' and ')}: nobody there can receive it.`;
          notify({
            message: `“${draft.type.name}” is scheduled as ${formatCountOf(parts, 'broadcast', 'broadcasts')}, one for each time zone.${left}${linked ? '' : ' They could not be linked on our server: each report shows its own.'}`,
          });
          if (firstId !== SENT_ID_UNKNOWN) void navigate(paths.broadcasts.report.href(firstId));
        },
      });
      return;
    }
    // A file whose people get merge-field fallbacks is uploaded again with them written in first (decision 0152).
    sendInput.mutate(draft, {
      onSuccess: (prepared) =>
        void undoWindow.prepare(prepared, draft).then(({ input, hold }) =>
          create.mutate(
            { input, idempotencyKey: draft.idempotencyKey },
            {
              // The service took it (2xx): it is sent, even when its answer cannot be read (decision 92).
              onSuccess: (created) => {
                const id = isCreatedUnread(created) ? created.id : created.BroadcastID;
                update((current) => ({ ...current, sentBroadcastId: id ?? SENT_ID_UNKNOWN }));
                const held = undoWindow.keep(hold, created);
                notify({
                  message:
                    !isCreatedUnread(created) && created.MessageRecordingInstruction
                      ? `“${draft.type.name}” is created: it calls once its message is recorded by phone, with the number and code shown here.`
                      : held
                        ? `“${draft.type.name}” is sent: it starts in a moment, unless you undo it.`
                        : `“${draft.type.name}” is ${draft.schedule.startMode === 'later' ? 'scheduled' : 'on its way'}.`,
                });
                if (id !== null) void navigate(paths.broadcasts.report.href(id));
              },
              // A refusal (4xx) created nothing and is replayed for the same key: the next send, after the user's
              // changes, needs a key of its own. Other failures keep the key, as the broadcast may exist.
              onError: (error) => {
                // Made, but our server no longer keeps its answer (decision 0122): sent, with its id unknown.
                if (isApiError(error) && error.errorName === 'AnswerNotKept') update((current) => ({ ...current, sentBroadcastId: SENT_ID_UNKNOWN }));
                else if (isApiError(error) && error.status >= 400 && error.status < 500) {
                  update((current) => ({ ...current, idempotencyKey: crypto.randomUUID() }));
                }
              },
            },
          ),
        ),
    });
  };

  const startOver = async () => {
    const confirmed = await confirm({
      title: 'Discard this draft?',
      message: 'Everything you entered for this broadcast is removed. Nothing has been sent.',
      confirmLabel: 'Discard draft',
      destructive: true,
    });
    if (confirmed) {
      discard();
      start(newDraft(user));
      setFreshAfterDiscard(true);
    }
  };

  if (request !== null) {
    if (prefill.isError) {
      return <QueryErrorAlert title="The broadcast to copy could not be loaded." error={prefill.error} onRetry={() => void prefill.refetch()} />;
    }
    return <LoadingScreen label="Preparing the draft" />;
  }

  if (draft.sentBroadcastId !== null) {
    return (
      <Card>
        <CardContent sx={{ textAlign: 'center', py: 6 }}>
          <CheckCircleOutlined color="success" sx={{ fontSize: 48 }} />
          <Typography variant="h2" sx={{ mt: 1 }}>
            “{draft.type.name}” was sent
          </Typography>
          <Typography color="textSecondary" sx={{ mt: 1 }}>
            This draft is done; sending it again is not possible, from this tab or any other.
          </Typography>
          <Box sx={{ display: 'flex', gap: 1.5, justifyContent: 'center', mt: 3 }}>
            {draft.sentBroadcastId === SENT_ID_UNKNOWN ? (
              <Button variant="outlined" component={RouterLink} to={paths.broadcasts.list.href()}>
                See all broadcasts
              </Button>
            ) : (
              <Button variant="outlined" component={RouterLink} to={paths.broadcasts.report.href(draft.sentBroadcastId)}>
                See its report
              </Button>
            )}
            <Button variant="contained" onClick={() => start(newDraft(user))}>
              Start a new broadcast
            </Button>
          </Box>
        </CardContent>
      </Card>
    );
  }

  const sendFailure = sendInput.error ?? create.error;
  const sendError = sendFailure
    ? `${isApiError(sendFailure) ? sendFailure.message : 'The broadcast could not be sent.'} Nothing was sent; your draft is kept.`
    : (zoneSplit.send.error?.message ?? null);
  const navigation = (
    <>
      {sendError && (
        <Alert severity="error" role="alert" sx={stacked ? { mb: 2 } : { mt: 3 }}>
          {sendError}
        </Alert>
      )}
      {zoneSplit.progress && <ZoneSplitProgressBar progress={zoneSplit.progress} />}
      {last && !draft.zoneSplit && <UndoWindowNote draft={draft} windowSeconds={undoWindow.windowSeconds} cancel={undoWindow.cancel} />}
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 1, mt: stacked ? 0 : 4, flexWrap: 'wrap' }}>
        <Button startIcon={<ArrowBackOutlined />} disabled={stepIndex === 0 || create.isPending || zoneSplit.send.isPending} onClick={back}>
          Back
        </Button>
        {/* Kept at the right when the row wraps on a phone. */}
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', ml: 'auto' }}>
          <Button color="inherit" onClick={() => void startOver()} disabled={create.isPending || zoneSplit.send.isPending}>
            Discard draft
          </Button>
          <Button
            type="submit"
            form={STEP_FORM_ID}
            variant="contained"
            endIcon={last ? <SendOutlined /> : <ArrowForwardOutlined />}
            loading={create.isPending || sendInput.isPending || zoneSplit.send.isPending}
            disabled={last && ((plan !== undefined && plan.MaxCreditCost > plan.AvailableCredits) || doubleSend.holdsSend)}
          >
            {last ? (draft.zoneSplit ? 'Schedule one for each zone' : draft.schedule.startMode === 'later' ? 'Schedule broadcast' : 'Send broadcast') : 'Next'}
          </Button>
        </Box>
      </Box>
    </>
  );
  return (
    <Grid container spacing={3}>
      <Grid size={{ xs: 12, lg: 8 }}>
        <DraftConflictNotice user={user} />
        <Card>
          <Box sx={{ px: { xs: 2, sm: 3 }, pt: 3, pb: 1 }}>
            {/* On a phone the steps are one row of numbers, named for screen readers only: the title under it names the
                current one, and a visible label would wrap into a narrow column. */}
            <Stepper nonLinear activeStep={stepIndex} alternativeLabel={!compact} sx={compact ? { '& .MuiStepConnector-root': { minWidth: 8 } } : undefined}>
              {wizardSteps.map((wizardStep, index) => (
                <Step key={wizardStep.id} completed={index < stepIndex}>
                  <StepButton
                    onClick={() => goTo(index)}
                    disabled={index > stepIndex || zoneSplit.send.isPending}
                    aria-current={index === stepIndex ? 'step' : undefined}
                  >
                    {compact ? (
                      <Box component="span" sx={visuallyHidden}>
                        {wizardStep.label}
                      </Box>
                    ) : (
                      wizardStep.label
                    )}
                  </StepButton>
                </Step>
              ))}
            </Stepper>
          </Box>
          <CardContent sx={{ px: { xs: 2, sm: 3 }, pb: 3 }}>
            <Typography ref={headingRef} tabIndex={-1} variant="h2" sx={{ outline: 'none' }}>
              {step.label}
            </Typography>
            <Typography variant="body2" color="textSecondary" sx={{ mb: 3 }}>
              Step {stepIndex + 1} of {wizardSteps.length}: {step.description}
            </Typography>
            <step.Step
              key={`${draft.idempotencyKey}:${step.id}:${startFixes}:${revision}`}
              draft={draft}
              user={user}
              plan={plan}
              save={update}
              next={next}
              focusFirstField={!freshAfterDiscard}
            />
            {!stacked && navigation}
          </CardContent>
        </Card>
      </Grid>
      <Grid size={{ xs: 12, lg: 4 }}>
        <ReachSummary
          plan={plan}
          loading={preview.isFetching}
          error={previewable && preview.isError && askPreview ? preview.error.message : null}
          hasRecipients={hasRecipients(draft)}
          estimate={estimate}
          previewOnceWritten={previewOffered && !settled.complete}
          finishZoneName={draft.schedule.startZone === userZone ? null : timeZoneName(userZone)}
          splitByZone={Boolean(draft.zoneSplit)}
        >
          <MergeFieldPanel
            draft={draft}
            onFallbackChange={(field, value) => update((current) => ({ ...current, mergeFallbacks: { ...current.mergeFallbacks, [field]: value } }))}
          />
          {previewable && !last && (
            <RecipientZones
              draft={draft}
              plan={plan}
              userZone={userZone}
              onStartAt={(startLocal) => {
                update((current) => withStartAt(current, startLocal));
                setStartFixes((count) => count + 1);
              }}
              onSplit={(split) => update((current) => withZoneSplit(current, split))}
            />
          )}
        </ReachSummary>
      </Grid>
      {stacked && <Grid size={12}>{navigation}</Grid>}
    </Grid>
  );
}

export function BroadcastCreatePage() {
  const { data: session } = useQuery(sessionQueries.current());
  // The same object while the session does not change: the wizard keys its draft on it.
  const user = useMemo(() => (session ? withSettingDefaults(session) : null), [session]);
  return (
    <PageContainer {...pageIntros.newBroadcast}>
      <DatePickersProvider>{user ? <CreateBroadcastWizard user={user} /> : <LoadingScreen />}</DatePickersProvider>
    </PageContainer>
  );
}
