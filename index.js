// The package's entry point: what it adds to n8n (the paths n8n loads are in package.json "n8n").
const { n8n } = require('./package.json');

module.exports = { nodes: n8n.nodes, credentials: n8n.credentials };
