import { inputRecords } from '../../../nodes/shared/items';

describe('inputRecords: the records of an input', () => {
	it("reads n8n's one empty Always Output Data item as no records", () => {
		expect(inputRecords([{ json: {} }])).toEqual([]);
	});

	it('takes every other input whole, so item indexes stay those of the input', () => {
		expect(inputRecords([])).toEqual([]);
		expect(inputRecords([{ json: { id: 1 } }])).toEqual([{ id: 1 }]);
		// An empty item among records is a record of the wrong shape: the planner names it.
		expect(inputRecords([{ json: { id: 1 } }, { json: {} }])).toEqual([{ id: 1 }, {}]);
	});
});
