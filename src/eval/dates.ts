/**
 * Does our report date agree with the labelled one? Equal agrees; so does a more precise date
 * inside the labelled period ("2024-09" agrees with "2024": the label gives an academic year's
 * start year where the document also gives a month of its own). A null label agrees only with null.
 */
export function reportDateAgrees(ours: string | null, label: string | null): boolean {
  if (label === null || ours === null) return label === ours;
  return ours === label || ours.startsWith(`${label}-`);
}
