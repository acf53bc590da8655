import { runService } from '@salesos/http';
import { startLeadsService } from '../services/leads/src';
import { startReportingService } from '../services/reporting/src';
import { startChannelsService } from '../services/channels/src';
import { startStaffingService } from '../services/staffing/src';

const starters = {
  leads: startLeadsService,
  channels: startChannelsService,
  staffing: startStaffingService,
  reporting: startReportingService,
};
type ServiceName = keyof typeof starters;

/**
 * One service in a process of its own, by name: `node -r ./tools/register.cjs tools/start-service.ts <name>`, the same
 * as running its `services/<name>/src/main.ts`, configured by the same environment as `npm start` (with
 * SALESOS_TRANSPORT=kafka between processes).
 */
const name = process.argv[2] ?? '';
if (!(name in starters)) {
  process.stderr.write(`Usage: tools/start-service.ts <${Object.keys(starters).join('|')}>\n`);
  process.exit(2);
}
runService(name, starters[name as ServiceName]);
