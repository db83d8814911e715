// The box a wide table scrolls in: reachable by keyboard (it takes focus, then the arrow keys scroll it),
// and, only while what it holds is wider than it, a visible cue and an edge shadow saying there is more,
// with the first column held still so each row stays named.
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';

/** Whether the box is narrower than what it holds, kept up to date as the page resizes. */
function useOverflowing(box: RefObject<HTMLElement | null>): boolean {
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, [box]);
  return overflowing;
}

export function ScrollBox({
  label,
  labelledBy,
  columns,
  testId,
  children,
}: {
  /** What the box holds, for screen readers (or `labelledBy`, the id of the table's caption). */
  label?: string;
  labelledBy?: string;
  /** How many columns the table has, for the cue. */
  columns?: number;
  testId?: string;
  children: ReactNode;
}) {
  const box = useRef<HTMLElement>(null);
  const overflowing = useOverflowing(box);
  return (
    <>
      {overflowing && (
        <p className="nhsuk-body-s fp-scroll-cue" aria-hidden="true">
          Scroll sideways for {columns ? `all ${columns} columns` : 'more'} →
        </p>
      )}
      <section
        ref={box}
        className={`fp-table-scroll${overflowing ? ' fp-table-scroll--more' : ''}`}
        aria-label={label}
        aria-labelledby={labelledBy}
        data-testid={testId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
      >
        {children}
      </section>
    </>
  );
}
