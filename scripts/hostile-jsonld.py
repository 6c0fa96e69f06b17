#!/usr/bin/env python3
"""Writes hostile Open Badges 3.0 credentials that stress the JSON-LD / Data Integrity path
of `ecusson verify --json FILE` (issue 12, "Costs that are not bounded today").

Usage: scripts/hostile-jsonld.py KIND N > FILE
  scoped-used N    inline @context of N terms, each with a scoped @context, all used
  scoped-unused N  the same N terms defined but not used
  proofs N         N proofs (a proof set) on a small credential
  chain N          N proofs, each naming every other one in previousProof
  numbers BYTES    one defined term holding an array of numbers, BYTES long in total

Every file is a well-formed credential with eddsa-rdfc-2022 proofs whose signatures are
random (so verification fails on the signature, after the costly part). Measure with
  /usr/bin/time -v build/cli/ecusson verify --json FILE
"""
import json
import os
import sys

DID = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def proof(i: int, previous=None) -> dict:
    p = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2026-03-15T09:00:00Z",
        "verificationMethod": DID + "#" + DID.split(":")[-1],
        "proofPurpose": "assertionMethod",
        "proofValue": "z" + base58(os.urandom(64)),
    }
    if previous is not None:
        p["id"] = "urn:proof:%d" % i
        if previous:
            p["previousProof"] = previous
    return p


def credential(extra_context=None, subject=None) -> dict:
    context = [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    if extra_context is not None:
        context.append(extra_context)
    cs = {"type": ["AchievementSubject"],
          "achievement": {"id": "https://example.org/a", "type": ["Achievement"], "name": "A",
                          "description": "d", "criteria": {"narrative": "n"}}}
    cs.update(subject or {})
    return {
        "@context": context,
        "id": "urn:uuid:6f0c7a52-3c1e-4b8e-9a0d-2f4e8c1b7d31",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": DID, "type": ["Profile"], "name": "Issuer"},
        "validFrom": "2026-03-15T09:00:00Z",
        "name": "Hostile",
        "credentialSubject": cs,
    }


def scoped(n: int, used: bool) -> dict:
    ctx = {"t%d" % i: {"@id": "https://example.org/t%d" % i,
                       "@context": {"x%d" % i: "https://example.org/x"}} for i in range(n)}
    subject = {"t%d" % i: {"x%d" % i: i} for i in range(n)} if used else {}
    c = credential(ctx, subject)
    c["proof"] = proof(0)
    return c


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    kind, n = sys.argv[1], int(sys.argv[2])
    if kind == "scoped-used":
        doc = scoped(n, True)
    elif kind == "scoped-unused":
        doc = scoped(n, False)
    elif kind == "proofs":
        doc = credential()
        doc["proof"] = [proof(i) for i in range(n)]
    elif kind == "chain":
        doc = credential()
        ids = ["urn:proof:%d" % i for i in range(n)]
        doc["proof"] = [proof(i, [x for x in ids if x != ids[i]]) for i in range(n)]
    elif kind == "numbers":
        doc = credential({"nums": {"@id": "https://example.org/n"}})
        doc["proof"] = proof(0)
        base = len(json.dumps(doc, separators=(",", ":")))
        count = max(1, (n - base) // 2)  # "1," per number
        doc["credentialSubject"]["nums"] = [1] * count
    else:
        sys.exit(__doc__)
    json.dump(doc, sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main()
