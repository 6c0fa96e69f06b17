// The offline JSON-LD document loader the interop tests give @digitalbazaar/vc: the
// contexts bundled in templates/contexts (as Ecusson loads them) and did:key documents
// built locally. Any other URL is refused, so no test reaches the network.
import fs from 'node:fs';
import path from 'node:path';

export function didKeyDocument(url) {
  const [did, fragment] = url.split('#');
  const mb = did.slice('did:key:'.length);
  const vm = {id: `${did}#${mb}`, type: 'Multikey', controller: did, publicKeyMultibase: mb};
  if(fragment !== undefined) {
    if(fragment !== mb) throw new Error(`bad did:key fragment: ${url}`);
    return {'@context': 'https://w3id.org/security/multikey/v1', ...vm};
  }
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did, verificationMethod: [vm], assertionMethod: [vm.id], authentication: [vm.id]
  };
}

// documentLoader over <root>/templates/contexts (its index.json) and did:key.
export function offlineDocumentLoader(root) {
  const contextsDir = path.join(root, 'templates', 'contexts');
  const index = JSON.parse(fs.readFileSync(path.join(contextsDir, 'index.json'), 'utf8'));
  return async function documentLoader(url) {
    if(index[url]) {
      const document = JSON.parse(fs.readFileSync(path.join(contextsDir, index[url]), 'utf8'));
      return {contextUrl: null, documentUrl: url, document};
    }
    if(url.startsWith('did:key:z6Mk')) {
      return {contextUrl: null, documentUrl: url, document: didKeyDocument(url)};
    }
    throw new Error(`offline document loader refuses ${url}`);
  };
}
