// An export's column list: declared once beside the answer's schema in src/core/<capability>/, and handed
// to the writers by the CLI's reports and the API's "Export to Excel" alike.

/** text as is; number as given; money in pounds, shown to the penny; share a fraction 0–1. */
export type ColumnKind = 'text' | 'number' | 'money' | 'share';

export interface TableColumn {
  /** The field name in JSON and the CSV header. */
  key: string;
  /** The column title in a workbook. */
  header: string;
  kind: ColumnKind;
}
