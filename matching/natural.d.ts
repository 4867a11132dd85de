// Type declarations for the few `natural` submodules the engine imports. Importing submodules
// (not the package root) avoids natural's storage backends, which load dotenv and print to stdout.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_es' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
