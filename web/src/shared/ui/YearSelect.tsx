import { useId } from 'react';

/** The year a page shows, chosen from a short list: a label and a compact select on one line. */
export function YearSelect({
  label,
  value,
  onChange,
  years,
  testId,
  id,
}: {
  label: string;
  value: number;
  onChange: (year: number) => void;
  years: readonly number[];
  testId: string;
  id?: string;
}) {
  const ownId = useId();
  const selectId = id ?? ownId;
  return (
    <p>
      <label htmlFor={selectId}>{label}</label>{' '}
      <select id={selectId} value={value} onChange={(e) => onChange(Number(e.target.value))} className="select--compact" data-testid={testId}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </p>
  );
}
