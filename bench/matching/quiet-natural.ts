// Imported first by the benchmark: natural's storage backends load dotenv, which prints to
// stdout unless told to be quiet, and the benchmark's stdout must be one JSON object.
process.env.DOTENV_CONFIG_QUIET = 'true';
