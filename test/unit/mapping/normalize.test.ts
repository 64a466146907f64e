import { exactNameKey, normalizedNameKey } from '../../../core/mapping';
import { buildFuzzyIndex, similarity, trigramsOf } from '../../../core/mapping/fuzzy';
import { baseNameKey, caselessNameKey } from '../../../core/mapping/normalize';
import { planCustomerMapping } from '../../../core/mapping';
import { haloClient, westcoastCustomer } from './fixtures';

describe('exactNameKey (Halo: identical names)', () => {
	it('ignores only surrounding whitespace', () => {
		expect(exactNameKey('  Acme Ltd ')).toBe('Acme Ltd');
		expect(exactNameKey('Acme Ltd')).not.toBe(exactNameKey('ACME Ltd'));
		expect(exactNameKey('Acme  Ltd')).not.toBe(exactNameKey('Acme Ltd'));
	});
});

describe('caselessNameKey (manual mapping table names)', () => {
	it('folds case and inner spacing', () => {
		expect(caselessNameKey(' ACME   ltd ')).toBe('acme ltd');
	});
});

/** Names that are the same company: only spelling, case, accents and the legal form's spelling differ. */
const TRUE_PAIRS: ReadonlyArray<[string, string]> = [
	// United Kingdom and Ireland
	['Acme Ltd', 'ACME Limited'],
	['Acme Ltd.', 'acme ltd'],
	['Smith & Sons', 'Smith and Sons'],
	['Smith & Co Ltd', 'Smith and Company Limited'],
	['Smith & Co', 'Smith and Co.'],
	['Smith & Sons (UK) Ltd.', 'smith and sons uk limited'],
	['Harbour Foods PLC', 'Harbour Foods plc'],
	['Harbour Foods PLC', 'Harbour Foods Public Limited Company'],
	['Green Shoots CIC', 'Green Shoots Community Interest Company'],
	['Marsh Partners LLP', 'Marsh Partners Limited Liability Partnership'],
	['Kelly & Murphy Ltd', 'Kelly and Murphy Limited'],
	["O'Brien Electrical Ltd", 'OBrien Electrical Limited'],
	['Serenity Spa Ltd', 'Serenity Spa Limited'],
	['Marine Co', 'Marine Company'],
	// United States and Canada
	['Tech-Solutions, Inc.', 'tech solutions inc'],
	['Tech Solutions Inc', 'Tech Solutions Incorporated'],
	['Marine Corp', 'Marine Corporation'],
	['Blue Sky LLC', 'Blue Sky L.L.C.'],
	['Blue Sky LLC', 'Blue Sky Limited Liability Company'],
	['Maple Leaf Holdings Inc.', 'MAPLE LEAF HOLDINGS INC'],
	['Riverside LP', 'Riverside Limited Partnership'],
	['I B M Corp', 'IBM Corporation'],
	// Germany, Austria, Switzerland
	['Müller GmbH', 'Muller GmbH'],
	['Müller & Söhne GmbH', 'Muller and Sohne G.m.b.H.'],
	['Straße Bau AG', 'Strasse Bau AG'],
	['Straße Bau AG', 'Strasse Bau Aktiengesellschaft'],
	['Bäckerei Schmidt GmbH', 'Backerei Schmidt Gesellschaft mit beschränkter Haftung'],
	['Huber GmbH & Co. KG', 'Huber GmbH and Co KG'],
	['Zürich Versicherung AG', 'Zurich Versicherung AG'],
	['Alpen Technik e.K.', 'Alpen Technik eK'],
	// Netherlands and Belgium
	["O'Neil Holdings B.V.", 'ONeil Holdings BV'],
	['De Vries BV', 'De Vries Besloten Vennootschap'],
	['Janssen N.V.', 'Janssen Naamloze Vennootschap'],
	// France
	['Café Crème S.A.R.L.', 'cafe creme SARL'],
	['Société Générale SA', 'Societe Generale S.A.'],
	['Lumière SA', 'Lumiere Société Anonyme'],
	['Boulangerie Dupont SAS', 'Boulangerie Dupont S.A.S.'],
	// Italy and Spain
	['Serenity S.p.A.', 'Serenity SpA'],
	['Ferrari SpA', 'Ferrari Società per Azioni'],
	['Rossi S.r.l.', 'Rossi SRL'],
	['Telefónica S.A.', 'Telefonica SA'],
	['Hermanos García S.L.', 'Hermanos Garcia Sociedad Limitada'],
	// Nordics
	['Ørsted A/S', 'orsted AS'],
	['Nordic AS', 'Nordic A/S'],
	['Nordic AB', 'Nordic Aktiebolag'],
	['Volvo AB', 'VOLVO A.B.'],
	['Nokia Oyj', 'Nokia OYJ'],
	['Sauna Oy', 'Sauna OY'],
	['Equinor ASA', 'Equinor A.S.A.'],
	['Lego ApS', 'LEGO APS'],
	// Australia, Singapore, India, Poland
	['Acme Pty Ltd', 'Acme Proprietary Limited'],
	['Acme Pty. Ltd.', 'ACME PTY LTD'],
	['Lion City Pte Ltd', 'Lion City Pte. Ltd.'],
	['Tata Pvt Ltd', 'Tata Private Limited'],
	['Kowalski Sp. z o.o.', 'Kowalski sp z oo'],
];

/** Names that look alike but are not (or may not be) the same company: different legal forms, or one against none. */
const FALSE_FRIENDS: ReadonlyArray<[string, string]> = [
	['Serenity Spa', 'Serenity Ltd'],
	['Serenity Spa', 'Serenity'],
	['Smith & Co', 'Smith Ltd'],
	['Marine Co', 'Marine Corporation'],
	['Nordic AS', 'Nordic AB'],
	['Acme Ltd', 'Acme'],
	['Acme Ltd', 'Acme Co'],
	['Acme Ltd', 'Acme PLC'],
	['Acme Ltd', 'Acme LLP'],
	['Acme Ltd', 'Acme Inc'],
	['Acme Ltd', 'Acme UK Ltd'],
	['Acme Ltd', 'Acme Pty Ltd'],
	['Acme Inc', 'Acme Corp'],
	['Acme Inc', 'Acme LLC'],
	['Acme LLC', 'Acme LLP'],
	['Acme LLC', 'Acme LP'],
	['Acme Corporation', 'Acme Company'],
	['Acme Co', 'Acme'],
	['Acme Limited', 'Acme Company'],
	['Harbour Foods PLC', 'Harbour Foods Ltd'],
	['Green Shoots CIC', 'Green Shoots Ltd'],
	['Smith and Jones', 'Smith'],
	['Alpha Holdings', 'Alpha'],
	['Müller GmbH', 'Müller AG'],
	['Müller GmbH', 'Müller'],
	['Müller GmbH', 'Müller mbH'],
	['Müller KG', 'Müller GmbH & Co. KG'],
	['Müller UG', 'Müller GmbH'],
	['Schmidt OHG', 'Schmidt KG'],
	['Schmidt SE', 'Schmidt AG'],
	['De Vries BV', 'De Vries NV'],
	['De Vries BV', 'De Vries'],
	['Janssen NV', 'Janssen SA'],
	['Lumière SA', 'Lumière SAS'],
	['Lumière SARL', 'Lumière SAS'],
	['Lumière SARL', 'Lumière EURL'],
	['Lumière SAS', 'Lumière SASU'],
	['Ferrari SpA', 'Ferrari Srl'],
	['Ferrari SpA', 'Ferrari'],
	['Rossi Srl', 'Rossi Ltd'],
	['García SA', 'García SL'],
	['García SL', 'García SLU'],
	['Nordic AS', 'Nordic ASA'],
	['Nordic AS', 'Nordic'],
	['Nordic AB', 'Nordic Oy'],
	['Nokia Oy', 'Nokia Oyj'],
	['Lego ApS', 'Lego AS'],
	['Lion City Pte Ltd', 'Lion City Ltd'],
	['Tata Pvt Ltd', 'Tata Ltd'],
	['Kowalski Sp. z o.o.', 'Kowalski'],
	['Budapest Kft', 'Budapest Ltd'],
	['Praha s.r.o.', 'Praha Srl'],
	['Riverside LP', 'Riverside LLP'],
	['Maple Leaf Inc', 'Maple Leaf Holdings Inc'],
];

describe('normalizedNameKey: true pairs and false friends', () => {
	it('has a corpus of at least 50 of each', () => {
		expect(TRUE_PAIRS.length).toBeGreaterThanOrEqual(50);
		expect(FALSE_FRIENDS.length).toBeGreaterThanOrEqual(50);
	});

	it.each(TRUE_PAIRS)('%s = %s', (a, b) => {
		expect(normalizedNameKey(a)).toBe(normalizedNameKey(b));
	});

	it.each(FALSE_FRIENDS)('%s differs from %s', (a, b) => {
		expect(normalizedNameKey(a)).not.toBe(normalizedNameKey(b));
	});

	it('shows the words it keeps and the canonical legal form', () => {
		expect(normalizedNameKey('Smith & Sons (UK) Limited.')).toBe('smith and sons uk / ltd');
		expect(normalizedNameKey('Smith & Sons')).toBe('smith and sons');
	});

	it('keeps one word even when every word is a legal form', () => {
		expect(normalizedNameKey('Company Ltd')).toBe('company / ltd');
		expect(normalizedNameKey('Ltd')).toBe('ltd');
	});

	it('is empty for a name of punctuation only', () => {
		expect(normalizedNameKey('!!! --')).toBe('');
	});

	it('compares base names without the legal form (duplicate guard and suggestions only)', () => {
		expect(baseNameKey('Serenity Spa')).toBe(baseNameKey('Serenity Ltd'));
		expect(baseNameKey('Smith & Co')).toBe('smith');
	});
});

describe('Mapping Resolver: false friends are never linked automatically', () => {
	it.each(FALSE_FRIENDS)('%s and PSA %s go to Needs Review as a candidate', (westcoast, psa) => {
		for (const createMissing of [true, false]) {
			const plan = planCustomerMapping(
				{
					westcoastCustomers: [westcoastCustomer('W1', westcoast)],
					psaCustomers: [haloClient(1, psa)],
				},
				{
					matchNormalizedName: true,
					createMissing,
				},
			);
			expect(plan.mapped).toEqual([]);
			// A create under a name that may be this PSA customer waits for a person, too.
			const sameBase = baseNameKey(westcoast) === baseNameKey(psa);
			if (createMissing && !sameBase) continue;
			expect(plan.create).toEqual([]);
			expect(plan.review).toHaveLength(1);
			expect(plan.review[0].reason).toBe(createMissing ? 'wouldDuplicate' : 'unmatched');
			expect(plan.review[0].candidates?.map((candidate) => candidate.psaId)).toEqual([1]);
		}
	});

	it.each(TRUE_PAIRS.slice(0, 10))('%s and PSA %s are linked by normalized name', (a, b) => {
		const plan = planCustomerMapping(
			{ westcoastCustomers: [westcoastCustomer('W1', a)], psaCustomers: [haloClient(1, b)] },
			{
				matchNormalizedName: true,
			},
		);
		expect(plan.mapped.map((entry) => entry.matchedBy)).toEqual([
			a.trim() === b.trim() ? 'exactName' : 'normalizedName',
		]);
	});
});

describe('fuzzy index', () => {
	const names = ['acme', 'acme widgets', 'beta systems', 'gamma', 'acne'];
	const index = buildFuzzyIndex(names, (name) => name);

	it('scores identical keys 1 and disjoint keys 0', () => {
		expect(similarity(trigramsOf('acme'), trigramsOf('acme'))).toBe(1);
		expect(similarity(trigramsOf('abc'), trigramsOf('xyz'))).toBe(0);
	});

	it('finds the closest names first, within the limit', () => {
		const found = index.find('acme widget', 2);
		expect(found.map(({ item }) => item)).toEqual(['acme widgets', 'acme']);
		expect(found[0].score).toBeGreaterThan(found[1].score);
		expect(found[0].score).toBeLessThan(1);
	});

	it('leaves out names below the minimum score', () => {
		expect(index.find('zzzz', 3)).toEqual([]);
		expect(index.find('gamma', 3).map(({ item }) => item)).toEqual(['gamma']);
	});

	it('returns nothing for an empty key or a zero limit', () => {
		expect(index.find('', 3)).toEqual([]);
		expect(index.find('acme', 0)).toEqual([]);
	});

	it('gives the same answers on repeated queries (its counters reset)', () => {
		expect(index.find('beta system', 3)).toEqual(index.find('beta system', 3));
	});

	it('still finds a match when common trigrams exceed the visit budget', () => {
		const many = [...Array.from({ length: 5000 }, (_, n) => `acme ${n}`), 'acme zebra'];
		const found = buildFuzzyIndex(many, (name) => name).find('acme zebra', 1);
		expect(found[0].item).toBe('acme zebra');
		expect(found[0].score).toBe(1);
	});
});
