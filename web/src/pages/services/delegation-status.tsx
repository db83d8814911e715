// Who commissions a service for a chosen ICB: the picker (kept in the URL as ?icb=) and the tag the
// services list and the service page show. Status and wording come from the API (core's one answer).
import type { DelegationArrangement, DelegationStatus } from '../../../../src/core/delegation/delegation-status.ts';
import type { Footprints } from '../../../../src/core/footprints/footprints-answer.ts';
import { useApi } from '../../api/use-api.ts';
import { setQuery } from '../../router.tsx';

const TAG: Record<DelegationArrangement, string> = {
  delegated: 'nhsuk-tag--green',
  'joint-committee': 'nhsuk-tag--blue',
  'retained-nationally': 'nhsuk-tag--white',
  unknown: 'nhsuk-tag--grey',
};

export function DelegationTag({ status }: { status: DelegationStatus | undefined }) {
  if (!status) return <strong className="nhsuk-tag nhsuk-tag--grey">Not known</strong>;
  // The committee's name goes beside the tag, not in it, so the tag stays short in a table cell.
  return (
    <>
      <strong className={`nhsuk-tag ${TAG[status.arrangement]}`}>
        {status.jointCommittee ? 'Joint committee' : status.label}
      </strong>
      {status.jointCommittee && (
        <div className="nhsuk-body-s nhsuk-u-margin-top-1 nhsuk-u-margin-bottom-0">{status.jointCommittee}</div>
      )}
    </>
  );
}

/** ICBs by name; the first option shows the national catalogue without an ICB's arrangements. */
export function IcbStatusSelect({
  value,
  label = 'Who commissions each service for',
}: {
  value: string;
  label?: string;
}) {
  const footprints = useApi<Footprints>('/footprints');
  const options =
    footprints.state === 'ready'
      ? footprints.data.rows
          .filter((f) => f.kind === 'icb')
          .map((f) => ({ value: f.members[0]!, text: f.name }))
          .sort((a, b) => a.text.localeCompare(b.text))
      : [];
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, text: value });
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor="status-icb">
        {label}
      </label>
      <select
        className="nhsuk-select"
        id="status-icb"
        value={value}
        onChange={(e) => setQuery({ icb: e.target.value || undefined })}
      >
        <option value="">No ICB chosen</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}
