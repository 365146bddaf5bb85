import { describe, expect, it } from 'vitest';
import { phasesOf } from '../../../scripts/scenario-phases.mjs';

// An excerpt of a real scenario log (molecule/run-scenario.sh, Molecule
// 26.10, ansible-core 2.19, callbacks profile_tasks and timer), shortened:
// a phase starts with Molecule's "Executing" line, a task with its header,
// and profile_tasks' last timestamp line (under TASKS RECAP) holds the
// phase's elapsed time.
const LOG = `INFO     [update_system > check] Executing

PLAY [Converge] ****************************************************************

TASK [edpm_update_system : Gather local facts] *********************************
Sunday 29 November 2026  22:06:34 +0000 (0:00:00.117)       0:00:04.138 *******
ok: [edpm-rolegen-update_system-node]

TASK [edpm_update_system : Fail when no bootc image is given] ******************
Sunday 29 November 2026  22:07:02 +0000 (0:00:04.126)       0:00:32.643 *******
skipping: [edpm-rolegen-update_system-node]

RUNNING HANDLER [edpm_update_system : Download the Open vSwitch packages into the dnf cache] ***
Sunday 29 November 2026  22:06:45 +0000 (0:00:00.138)       0:00:15.177 *******
changed: [edpm-rolegen-update_system-node]

TASK [Record the node's state before its first real update] ********************
Sunday 29 November 2026  22:06:30 +0000 (0:00:00.095)       0:00:00.095 *******
changed: [edpm-rolegen-update_system-node] => (item=a)
changed: [edpm-rolegen-update_system-node] => (item=b)

TASKS RECAP ********************************************************************
Sunday 29 November 2026  22:07:03 +0000 (0:00:00.092)       0:00:33.261 *******
===============================================================================
INFO     [update_system > check] Executed: Successful
INFO     [update_system > syntax] Executing
INFO     [update_system > syntax] Executed: Successful
`;

describe('scenario-phases', () => {
  it('counts the tasks that ran (not skipped; a loop once) and reads the phase time', () => {
    expect(phasesOf(LOG)).toEqual([{ phase: 'check', tasks: 3, roleTasks: 2, seconds: 33.261 }]);
  });
});
