// The Making Data Count variation and assurance icons, drawn as small SVG badges beside words (so the icon
// is never the only cue): orange for concern, blue for improvement, grey for common cause or neutral; H or
// L for a high or low signal; P, F or ? for passing, failing or not reliably meeting the target.
const VARIATION: Record<string, { colour: string; letter: string; words: string }> = {
  common_cause: { colour: '#768692', letter: '~', words: 'Common cause' },
  improvement_high: { colour: '#41b6e6', letter: 'H', words: 'Improvement (high)' },
  improvement_low: { colour: '#41b6e6', letter: 'L', words: 'Improvement (low)' },
  concern_high: { colour: '#ed8b00', letter: 'H', words: 'Concern (high)' },
  concern_low: { colour: '#ed8b00', letter: 'L', words: 'Concern (low)' },
  neutral_high: { colour: '#7c2855', letter: 'H', words: 'Neutral (high)' },
  neutral_low: { colour: '#7c2855', letter: 'L', words: 'Neutral (low)' },
};

const ASSURANCE: Record<string, { colour: string; letter: string; words: string }> = {
  consistent_pass: { colour: '#41b6e6', letter: 'P', words: 'Consistently passing' },
  consistent_fail: { colour: '#ed8b00', letter: 'F', words: 'Consistently failing' },
  inconsistent: { colour: '#768692', letter: '?', words: 'Hit and miss' },
};

function Badge({ colour, letter }: { colour: string; letter: string }) {
  return (
    <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false" className="fp-spc-icon">
      <circle cx="11" cy="11" r="10" fill="#ffffff" stroke={colour} strokeWidth="2.5" />
      <text x="11" y="15.5" textAnchor="middle" fontSize="12" fontWeight="bold" fill="#212b32">
        {letter}
      </text>
    </svg>
  );
}

export function VariationIcon({ type }: { type: string | null }) {
  const icon = type ? VARIATION[type] : undefined;
  if (!icon) return <span>Not enough data</span>;
  return (
    <span>
      <Badge colour={icon.colour} letter={icon.letter} /> {icon.words}
    </span>
  );
}

export function AssuranceIcon({ type }: { type: string | null }) {
  const icon = type ? ASSURANCE[type] : undefined;
  if (!icon) return <span>No target</span>;
  return (
    <span>
      <Badge colour={icon.colour} letter={icon.letter} /> {icon.words}
    </span>
  );
}

const STATUS_TAGS: Record<string, { tag: string; words: string }> = {
  'escalate-to-cqrm': { tag: 'nhsuk-tag--red', words: 'Escalate to CQRM' },
  watch: { tag: 'nhsuk-tag--yellow', words: 'Watch' },
  'no-escalation': { tag: 'nhsuk-tag--green', words: 'No escalation' },
  'not-enough-data': { tag: 'nhsuk-tag--grey', words: 'Not enough data' },
};

export function StatusTag({ status }: { status: string }) {
  const known = STATUS_TAGS[status];
  return <strong className={`nhsuk-tag ${known?.tag ?? 'nhsuk-tag--grey'}`}>{known?.words ?? status}</strong>;
}
