import type { NavigateFunction } from 'react-router';
import { requestHeadingFocus } from '../../components/PageHeading';

interface Options {
  setMessage: (message: string | null) => void;
  /** refresh reloads what the step changed. */
  refresh: () => void;
  navigate: NavigateFunction;
  /** queuePath is the network's review queue. */
  queuePath: string;
  /** sentBack is told in the queue after sending back. */
  sentBack: string;
}

/**
 * checkOutcome says what follows a facilitator's step on a page under check
 * (a case, a reflection): a change is announced, and the page starts again
 * at its heading, for the button pressed goes away with the new status;
 * sending back returns to the queue, for a draft is its author's only.
 */
export function checkOutcome({ setMessage, refresh, navigate, queuePath, sentBack }: Options) {
  return {
    onChanged: (message: string | null) => {
      setMessage(message);
      refresh();
      if (message) requestHeadingFocus();
    },
    onSentBack: () => {
      refresh();
      navigate(queuePath, { state: { message: sentBack } });
    },
  };
}
