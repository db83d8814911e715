// The financial-year filter shared by pages: the years come from the data, the choice lives in the URL
// (?year=) so a page can be bookmarked and shared as seen.
import { setQuery } from '../router.tsx';

export function YearSelect({ years, year, id = 'year' }: { years: string[]; year: string; id?: string }) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        Financial year
      </label>
      <select className="nhsuk-select" id={id} value={year} onChange={(e) => setQuery({ year: e.target.value })}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}
