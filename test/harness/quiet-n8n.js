// n8n-core logs every node error; the workflow tests provoke errors on purpose and assert them instead.
process.env.N8N_LOG_LEVEL = 'silent';
