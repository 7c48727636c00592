'use client';

import { Link } from '@/components/Link';
import { useProgressPeek } from './useProgressPeek';

/** The header's way to the review queue, with the number of cards due now. */
export function ReviewLink() {
  const { due } = useProgressPeek();
  return (
    <Link href="/review" className="review-link">
      Review
      {due > 0 && (
        <>
          {' '}
          <span className="review-count">
            {due} <span className="sr-only">due</span>
          </span>
        </>
      )}
    </Link>
  );
}
