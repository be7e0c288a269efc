import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Direction } from '../../main/common/contract/config.js';
import type { Assessment, DecisionOutcome, DecisionReason } from '../../main/common/contract/crossing.js';
import type { ReaderStatusView } from '../../main/common/contract/readers.js';
import type { SimulatedDocumentKind } from '../../main/common/contract/rpc-methods.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { useLanguage, useT } from '../i18n/I18n.js';
import { rpcFailure } from '../shared/rpc-failure.js';
import { useNow } from '../shared/use-now.js';
import { failedChecks, holderName } from './card-facts.js';
import { DecisionBar, DECISION_KEYS } from './DecisionBar.js';
import { DecisionDialog } from './DecisionDialog.js';
import { suggestedReason } from './decision-reasons.js';
import { DirectionSwitch } from './DirectionSwitch.js';
import { DocumentCard } from './DocumentCard.js';
import { EMPTY_LANE, laneReducer } from './lane-queue.js';
import { ManualEntry } from './ManualEntry.js';
import { SimulateMenu } from './SimulateMenu.js';
import { useWedge } from './use-wedge.js';
import { ErrorAlert } from '../shared/ErrorAlert.js';
import type { HitHold } from '../../main/common/contract/alert-hits.js';
import { assessmentHits, holdOf, withVersions } from '../../main/common/alerts/assessment-hits.js';
import { AlertControls } from './AlertPanel.js';
import { ListedPersons } from '../shared/ListedPersons.js';

/** A key press this soon after a card appears is taken as meant for the card before. */
const ARMING_DELAY_MS = 400;

/** What the hits of an assessment allow before the core has answered about them: nothing acknowledged, nothing overridden. */
function initialHold(assessment: Assessment): HitHold {
  const hits = withVersions(assessmentHits(assessment), []);
  return { assessmentId: assessment.id, hold: holdOf(hits, false, false), hits, acknowledged: null, override: null };
}

/** How often the lane asks again while a hit holds it to refer. */
const HOLD_REFRESH_MS = 5_000;

const HELD: Readonly<Record<HitHold['hold'], readonly DecisionOutcome[]>> = { none: [], acknowledge: ['admit', 'refuse', 'refer'], refer: ['admit', 'refuse'] };

interface PendingDialog {
  readonly assessmentId: string;
  readonly outcome: DecisionOutcome;
}

/** The guard's screen: one document at a time, every check, and the decision recorded before it says so. */
export function LaneScreen({
  client,
  connected,
  direction,
  onDirection,
  readers,
  onSessionFailure,
  supervisor = false,
}: {
  readonly client: RpcClient | null;
  readonly connected: boolean;
  readonly direction: Direction;
  readonly onDirection: (direction: Direction) => void;
  readonly readers: readonly ReaderStatusView[];
  readonly onSessionFailure: (error: unknown) => void;
  /** The signed-in officer is a supervisor too: the card offers the override of a referral a hit demands. */
  readonly supervisor?: boolean;
}) {
  const t = useT();
  const { format } = useLanguage();
  const now = useNow(60_000);
  const [lane, dispatch] = useReducer(laneReducer, EMPTY_LANE);
  const [dialog, setDialog] = useState<PendingDialog>();
  const [typing, setTyping] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [holds, setHolds] = useState<Readonly<Record<string, HitHold>>>({});
  const [alertBusy, setAlertBusy] = useState(false);
  const shownAt = useRef(0);
  const { current, phase } = lane;

  useEffect(() => {
    shownAt.current = performance.now();
    setDialog(undefined);
  }, [current?.id]);

  useEffect(() => {
    if (client === null) return undefined;
    const subscription = client.stream('capture.assessments', {}).subscribe({
      next: (assessment) => {
        dispatch({ type: 'arrived', assessment });
      },
      error: onSessionFailure,
    });
    return () => {
      subscription.unsubscribe();
    };
  }, [client, onSessionFailure]);

  const arrived = useCallback((assessment: Assessment) => {
    setProblem(undefined);
    dispatch({ type: 'arrived', assessment });
  }, []);

  const record = useCallback(
    (assessment: Assessment, outcome: DecisionOutcome, reason: DecisionReason) => {
      if (client === null) return;
      setDialog(undefined);
      dispatch({ type: 'recording', assessmentId: assessment.id, outcome });
      // The same assessment id on a retry: the core answers the record it already holds, never a second one.
      client.call('capture.record', { assessmentId: assessment.id, direction, decision: { outcome, reasons: [reason] }, notes: '' }).then(
        (result) => {
          dispatch({ type: 'recorded', assessmentId: assessment.id, outcome, recordedAt: result.recordedAt });
        },
        (error: unknown) => {
          onSessionFailure(error);
          dispatch({ type: 'failed', assessmentId: assessment.id, message: rpcFailure(error).message });
        },
      );
    },
    [client, direction, onSessionFailure],
  );

  const decide = useCallback(
    (assessment: Assessment, outcome: DecisionOutcome) => {
      if (outcome === 'admit' && failedChecks(assessment).length === 0) {
        record(assessment, 'admit', 'documents-in-order');
        return;
      }
      setDialog({ assessmentId: assessment.id, outcome });
    },
    [record],
  );

  const hold = current === undefined ? undefined : (holds[current.id] ?? initialHold(current));
  const held = HELD[hold?.hold ?? 'none'];
  const heldWhy = hold?.hold === 'acknowledge' ? t('hit.holdAcknowledge') : hold?.hold === 'refer' ? t('hit.holdRefer') : undefined;

  const answerHits = (call: Promise<HitHold>): void => {
    setAlertBusy(true);
    setProblem(undefined);
    call.then(
      (answer) => {
        setAlertBusy(false);
        setHolds((known) => ({ ...known, [answer.assessmentId]: answer }));
      },
      (error: unknown) => {
        setAlertBusy(false);
        onSessionFailure(error);
        setProblem(t('hit.failed', { message: rpcFailure(error).message }));
      },
    );
  };

  // The core's word on the card's hits: when a card comes back (another sign-in, a reconnect), and while a
  // referral is held, so that a supervisor's override from their own screen frees the lane.
  const currentId = current?.id;
  const currentHasHits = current !== undefined && assessmentHits(current).length > 0;
  const heldToRefer = hold?.hold === 'refer' && phase.kind !== 'recorded' && phase.kind !== 'recording';
  useEffect(() => {
    if (client === null || !connected || currentId === undefined || !currentHasHits) return undefined;
    let stopped = false;
    const read = (): void => {
      client.call('capture.hitHold', { assessmentId: currentId }).then(
        (answer) => {
          if (!stopped) setHolds((known) => ({ ...known, [answer.assessmentId]: answer }));
        },
        () => {
          // A card the core no longer holds is said so by the decision itself.
        },
      );
    };
    read();
    const timer = heldToRefer ? setInterval(read, HOLD_REFRESH_MS) : undefined;
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client, connected, currentId, currentHasHits, heldToRefer]);

  const canDecide = connected && current !== undefined && (phase.kind === 'deciding' || phase.kind === 'failed');

  useEffect(() => {
    if (!canDecide || dialog !== undefined || typing) return undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (event.repeat || performance.now() - shownAt.current < ARMING_DELAY_MS) return;
      const outcome = (Object.keys(DECISION_KEYS) as DecisionOutcome[]).find((key) => DECISION_KEYS[key] === event.key);
      if (outcome === undefined) return;
      event.preventDefault();
      if (held.includes(outcome)) return;
      decide(current, outcome);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [canDecide, dialog, typing, current, decide, held]);

  useWedge(connected && !typing && dialog === undefined, (text) => {
    if (client === null) return;
    client.call('capture.wedge', { text }).then(arrived, (error: unknown) => {
      onSessionFailure(error);
      setProblem(t('lane.wedgeFailed', { message: rpcFailure(error).message }));
    });
  });

  const simulate = (kind: SimulatedDocumentKind): void => {
    const simulator = readers.find((reader) => reader.kind === 'sim');
    if (client === null || simulator === undefined) return;
    client.call('readers.simulateScan', { readerId: simulator.readerId, kind }).catch((error: unknown) => {
      onSessionFailure(error);
      setProblem(t('lane.simulateFailed', { message: rpcFailure(error).message }));
    });
  };

  const dialogAssessment = dialog !== undefined && current?.id === dialog.assessmentId ? current : undefined;
  const next = lane.waiting[0];
  const hasSimulator = readers.some((reader) => reader.kind === 'sim');

  return (
    <main className="lane">
      <div className="lane-toolbar">
        <DirectionSwitch direction={direction} onDirection={onDirection} />
        <button
          type="button"
          onClick={() => {
            setTyping(true);
          }}
          disabled={!connected || typing}
        >
          {t('lane.typeDocument')}
        </button>
        {hasSimulator ? <SimulateMenu disabled={!connected} onSimulate={simulate} /> : null}
        <p role="status" className="record-status" data-testid="record-status">
          {phase.kind === 'recording' ? t('lane.recording') : null}
          {phase.kind !== 'recording' && lane.lastRecorded !== undefined ? (
            <>
              <span aria-hidden="true">✓ </span>
              <strong>{t('lane.recorded')}</strong>{' '}
              {t('lane.recordedDetail', { outcome: lane.lastRecorded.outcome, time: format.clock(new Date(lane.lastRecorded.recordedAt)) })}
            </>
          ) : null}
        </p>
      </div>
      <ErrorAlert message={connected ? undefined : t('lane.coreDown')} />
      <ErrorAlert message={problem} />
      <ErrorAlert message={phase.kind === 'failed' ? t('lane.recordFailed', { message: phase.message }) : undefined} testId="record-error" />
      {typing ? (
        <ManualEntry
          client={client}
          onChecked={(assessment) => {
            setTyping(false);
            arrived(assessment);
          }}
          onCancel={() => {
            setTyping(false);
          }}
          onSessionFailure={onSessionFailure}
        />
      ) : (
        // Focusable, because the card scrolls at small sizes and must scroll from the keyboard too.
        <section aria-label={t('lane.document')} className="document-area" tabIndex={0}>
          {current === undefined || (phase.kind === 'recorded' && next === undefined) ? (
            <div className="idle">
              <p className="idle-title">{t('lane.idle')}</p>
              <p className="muted">{t('lane.idleHint')}</p>
            </div>
          ) : (
            <DocumentCard assessment={current} direction={direction} now={now}>
              <ListedPersons hits={current.personHits} />
              {hold === undefined || hold.hits.length === 0 ? null : (
                <AlertControls
                  key={current.id}
                  hold={hold}
                  supervisor={supervisor}
                  busy={alertBusy || !connected}
                  onAcknowledge={() => {
                    if (client !== null) answerHits(client.call('capture.acknowledgeHits', { assessmentId: current.id }));
                  }}
                  onOverride={(reason) => {
                    if (client !== null) answerHits(client.call('alerts.override', { assessmentId: current.id, reason }));
                  }}
                />
              )}
            </DocumentCard>
          )}
          {next === undefined ? null : (
            <p className="next-document" data-testid="next-document">
              <span aria-hidden="true">» </span>
              {t('lane.next', { name: holderName(next) })}
            </p>
          )}
        </section>
      )}
      {typing ? null : (
        <DecisionBar
          disabled={!canDecide}
          unavailable={held}
          why={canDecide ? heldWhy : undefined}
          onDecide={(outcome) => current !== undefined && decide(current, outcome)}
        />
      )}
      {dialogAssessment === undefined || dialog === undefined ? null : (
        <DecisionDialog
          outcome={dialog.outcome}
          failedCount={failedChecks(dialogAssessment).length}
          suggested={suggestedReason(dialog.outcome, dialogAssessment)}
          onConfirm={(reason) => {
            record(dialogAssessment, dialog.outcome, reason);
          }}
          onCancel={() => {
            setDialog(undefined);
          }}
        />
      )}
    </main>
  );
}
