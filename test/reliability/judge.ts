/**
 * One run judged by the oracle: completed correctly, stopped safely (Halo
 * unchanged or only moved towards the oracle's state: every problem left was
 * there before, none is new), or wrote wrongly (with what).
 */
import type { HaloState } from '../../sandbox/halo';
import type { WestcoastState } from '../../sandbox/westcoast';
import type { RunOutcome } from './environment';
import {
	oracleProblems,
	sameHalo,
	withoutRemoved,
	zeroCounts,
	type OracleSettings,
	type ZeroCounts,
} from './oracle';

/** `incomplete`: the run said it succeeded, wrote nothing wrong, but left Halo short of the oracle's state. */
/**
 * The oracle's words for what is not written yet: a client or licence still
 * to be created, a main site whose address is still to be set, an add-on
 * still to be linked to its parent (the workflow writes these in later steps).
 */
const NOT_YET_WRITTEN =
	/(: 0 licences hold its id, expected 1|is linked from 0 Halo clients, expected 1|main site is at "undefined, undefined", Westcoast says .*|has parent_id undefined, expected \d+)$/;

export type Verdict = 'completed' | 'stopped safely' | 'incomplete' | 'wrong';

export interface RunJudgement {
	verdict: Verdict;
	/** For a stopped run: Halo as before, or a correct part of the way. */
	halo: 'unchanged' | 'correct prefix' | 'in step' | 'wrong';
	/** Problems the run left or made (new ones first). */
	newProblems: string[];
	problemsLeft: string[];
	zero: ZeroCounts;
}

export interface JudgeInput {
	westcoast: WestcoastState;
	before: HaloState;
	after: HaloState;
	outcome: RunOutcome;
	settings: OracleSettings;
	everListed: ReadonlySet<string>;
}

export function judgeRun(input: JudgeInput): RunJudgement {
	const { westcoast, after, outcome, settings, everListed } = input;
	// Records a fault removed (deleteDuringPaging) are not the workflow's doing.
	const before = withoutRemoved(input.before, after);
	const judge = (haloNow: HaloState) =>
		oracleProblems({ westcoast, haloBefore: before, haloNow, settings, everListed });
	const problemsBefore = new Set(judge(before));
	const problemsLeft = judge(after);
	// A record not written yet is the rest of the way, not a wrong write.
	const newProblems = problemsLeft.filter(
		(problem) => !problemsBefore.has(problem) && !NOT_YET_WRITTEN.test(problem),
	);
	const zero = zeroCounts(westcoast, input.before, after);
	const harmful =
		newProblems.length > 0 ||
		zero.wronglyZeroed > 0 ||
		zero.duplicateClients > 0 ||
		zero.duplicateLicences > 0;
	if (outcome.status === 'success' && problemsLeft.length === 0 && !harmful)
		return { verdict: 'completed', halo: 'in step', newProblems, problemsLeft, zero };
	if (!harmful)
		return {
			verdict: outcome.status === 'success' ? 'incomplete' : 'stopped safely',
			halo: sameHalo(before, after) ? 'unchanged' : 'correct prefix',
			newProblems,
			problemsLeft,
			zero,
		};
	return { verdict: 'wrong', halo: 'wrong', newProblems, problemsLeft, zero };
}
