// Numbered schema migrations, applied in order. Add a migration as a new file and a new entry;
// never edit one that has shipped.
import * as initial from './001-initial.ts';
import * as users from './002-users.ts';
import * as planning from './003-planning.ts';
import * as segmentation from './004-segmentation.ts';
import * as variation from './005-variation.ts';
import * as places from './006-places.ts';
import * as assurance from './007-assurance.ts';
import * as projections from './008-projections.ts';
import * as serviceLines from './009-service-lines.ts';
import * as teamUse from './010-team-use.ts';
import * as auditAnchor from './011-audit-anchor.ts';
import * as delegationStatus from './012-delegation-status.ts';
import * as delivery from './014-delivery.ts';
import * as riskSharePayment from './022-risk-share-payment.ts';
import * as providerFigures from './023-provider-figures.ts';
import * as activityClosedCodes from './024-activity-closed-codes.ts';
import * as runAnswers from './025-run-answers.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: initial.name, sql: initial.sql },
  { version: 2, name: users.name, sql: users.sql },
  { version: 3, name: planning.name, sql: planning.sql },
  { version: 4, name: segmentation.name, sql: segmentation.sql },
  { version: 5, name: variation.name, sql: variation.sql },
  { version: 6, name: places.name, sql: places.sql },
  { version: 7, name: assurance.name, sql: assurance.sql },
  { version: 8, name: projections.name, sql: projections.sql },
  { version: 9, name: serviceLines.name, sql: serviceLines.sql },
  { version: 10, name: teamUse.name, sql: teamUse.sql },
  { version: 11, name: auditAnchor.name, sql: auditAnchor.sql },
  { version: 12, name: delegationStatus.name, sql: delegationStatus.sql },
  { version: 14, name: delivery.name, sql: delivery.sql },
  { version: 22, name: riskSharePayment.name, sql: riskSharePayment.sql },
  { version: 23, name: providerFigures.name, sql: providerFigures.sql },
  { version: 24, name: activityClosedCodes.name, sql: activityClosedCodes.sql },
  { version: 25, name: runAnswers.name, sql: runAnswers.sql },
];
