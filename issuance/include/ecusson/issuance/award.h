// Awarding one badge: from a decided award (who, which catalogue achievement, why) to a
// signed, recorded, revocable credential (design §1: issuance composes the domains).
//
// An award is issued in three steps, so that bulk issuance can sign on every core while
// one thread talks to the store:
//   1. prepare_award  (store)  — a credential id and a fresh revocation entry in the
//                                issuer's status list;
//   2. sign_award     (pure)   — the OB 3.0 OpenBadgeCredential secured with
//                                eddsa-rdfc-2022 (`proof` as an array, as the 1EdTech
//                                schema types it) and as a VC-JWT; OB 2.0 hosted and
//                                signed when the issuer enables OB 2.0;
//   3. record_award   (store)  — the credential, its documents and an audit entry, in one
//                                transaction; idempotent by the award's key.
// award() does the three, and first looks the key up: the same key never yields a second
// credential, whatever happens between the steps (a crash after step 1 only leaves two
// status indices unused; a concurrent award of the same key loses at step 3 and gets the
// stored credential).
//
// The credential: issuer = the issuer's Profile; credentialSubject.achievement = the
// catalogue's stored Achievement document (as published); result.achievedLevel = the
// rubric level of the achievement's level; recipient = a salted SHA-256 hash of the
// e-mail (IdentityObject), or the participant's DID as subject id; evidence = a short
// narrative (what was observed: no personal or health data); credentialStatus = one
// BitstringStatusListEntry (purpose revocation: OB 3.0 and 1EdTech's schema allow a single
// credentialStatus object); credentialSchema = 1EdTech's AchievementCredential schema.
//
// Thread-safety: sign_award is thread-safe (the Issuer is shared read-only); the store
// steps use the Store they are given (one per thread).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "ecusson/issuance/issuer.h"
#include "ecusson/lang.h"
#include "ecusson/result.h"
#include "ecusson/store/store.h"

namespace ecusson::issuance {

/// A decided award: everything but the status entries and the signatures.
struct AwardRequest {
  std::string participant_ref;
  std::string recipient_email;             // hashed into the credential; required without DID
  std::optional<std::string> recipient_did;  // the subject id when the person gave one
  store::Achievement achievement;          // the catalogue row
  std::optional<std::string> evaluation_id;  // empty for an explicit (batch row) award
  /// Stable key: store::award_key(participant, achievement, evaluation) or a batch row key.
  std::string idempotency_key;
  std::string narrative;     // evidence: what was observed (plain text, no personal data)
  std::string evidence_url;  // optional evidence link (http(s))
  std::string valid_from;    // empty → now (UTC)
  std::string valid_until;   // optional RFC 3339
};

/// Step 1's output: the request with its credential id and status entries.
struct PreparedAward {
  AwardRequest request;
  std::string credential_id;  // "urn:uuid:…"
  std::vector<store::StatusEntry> status;  // the revocation entry
};

/// Step 2's output.
struct SignedAward {
  store::Credential credential;   // documents: ob3-di, ob3-jwt (+ ob2-hosted, ob2-signed)
  boost::json::object ob3;        // the Data Integrity credential (what images carry)
  std::string ob2_badge_class;    // OB 2.0 BadgeClass JSON (empty without OB 2.0)
};

/// Allocates the credential id and status entries. Fails with issuance.store.
[[nodiscard]] Result<PreparedAward> prepare_award(store::Store& store, const Issuer& issuer,
                                                  AwardRequest request, Lang lang = Lang::fr);

/// Builds and signs the credential (see the header comment). Fails with
/// issuance.bad_award (no recipient, an achievement document that is not JSON, a bad
/// date: the builder's ob3.* error in the message), issuance.sign (a signing failure).
[[nodiscard]] Result<SignedAward> sign_award(const Issuer& issuer, const PreparedAward& award,
                                             Lang lang = Lang::fr);

struct RecordedAward {
  store::Credential credential;  // as stored (the earlier one when the key existed)
  bool created = false;
};

/// Stores the credential and appends "credential.issue" (actor, subject
/// "credential:<id>", detail: participant, achievement, evaluation, key) in one
/// transaction; when the key is already stored, stores nothing and returns the stored
/// credential. Publishes the OB 2.0 hosted documents under public/ when created. Fails
/// with issuance.store (nothing recorded then), issuance.write (the OB 2.0 files; the
/// credential is recorded: re-running publishes them).
[[nodiscard]] Result<RecordedAward> record_award(store::Store& store, const Issuer& issuer,
                                                 const SignedAward& signed_award,
                                                 const std::string& actor,
                                                 Lang lang = Lang::fr);

/// The three steps, after looking the key up (an existing credential is returned with
/// created = false and nothing is signed).
/// Example:
///   auto r = award(*dir.store, *dir.issuer,
///                  {.participant_ref = "P-1", .recipient_email = "a@b.fr",
///                   .achievement = *ach, .idempotency_key = key}, "cm@plie.fr");
[[nodiscard]] Result<RecordedAward> award(store::Store& store, const Issuer& issuer,
                                          AwardRequest request, const std::string& actor,
                                          Lang lang = Lang::fr);

/// Writes the OB 2.0 hosted assertion and badge class of a stored credential under
/// public/ (what record_award does when it creates one). No-op for a credential without
/// OB 2.0 documents. Fails with issuance.write.
[[nodiscard]] Result<void> publish_ob2_documents(const Issuer& issuer,
                                                 const store::Credential& credential,
                                                 const std::string& badge_class_json,
                                                 Lang lang = Lang::fr);

}  // namespace ecusson::issuance
