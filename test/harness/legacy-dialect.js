// The workflow tests again, against the sandbox's legacy dialect (the first round's spellings).
process.env.WESTCOAST_TEST_DIALECT = 'legacy';
