import { startReliabilityEnvironment } from './environment';
import { TEST_SETTINGS } from '../real-n8n/daily-sync/environment';
(async () => {
	const t0 = Date.now();
	const env = await startReliabilityEnvironment({ log: (l) => console.log(l), settings: TEST_SETTINGS });
	console.log('env ready', Date.now() - t0);
	for (let i = 0; i < 3; i++) {
		const r = await env.run();
		console.log(JSON.stringify({ ...r, haloRequests: r.haloRequests.map((q) => `${q.method} ${q.path} ${q.status}`) }));
	}
	console.log(JSON.stringify(env.sandboxes.westcoast.admin.calls().map((c: any) => c.call)));
	await env.close();
})().catch((e) => { console.error(e); process.exit(1); });
