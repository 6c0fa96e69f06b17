// Revoking and suspending credentials, and publishing what verifiers check: the issuer's
// Bitstring status lists (one BitstringStatusListCredential per list, secured with
// eddsa-rdfc-2022 and re-signed whenever a bit changed) and, for OB 2.0, the revocation
// list with the hosted assertions of revoked badges replaced by {id, revoked,
// revocationReason} (what a hosted verifier reads; `ecusson serve` answers 410 for them).
//
// A status change is recorded (credential, status bit, audit entry) in one transaction,
// then published: publish_status writes every list whose version is newer than its last
// signature, and is safe to run again (after a crash between the two, or to republish).
// Files go under DIR/public at the path of their URL (Issuer::public_file), written to a
// temporary name and renamed.
//
// Free functions over a Store (not thread-safe, like the Store) and an opened Issuer.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "ecusson/issuance/issuer.h"
#include "ecusson/lang.h"
#include "ecusson/result.h"
#include "ecusson/store/store.h"

namespace ecusson::issuance {

struct PublishReport {
  std::vector<std::string> signed_lists;          // status lists (re-)signed by this call
  std::vector<std::filesystem::path> written;     // files written under public/
};

/// Signs the status lists that changed since their last signature (and those never
/// signed), stores the signatures, and writes every list credential and the OB 2.0
/// revocation documents under public/. Fails with issuance.sign, issuance.store,
/// issuance.write.
[[nodiscard]] Result<PublishReport> publish_status(store::Store& store, const Issuer& issuer,
                                                   Lang lang = Lang::fr);

/// The BitstringStatusListCredential (unsigned) of a list as it stands.
boost::json::object status_list_credential(const Issuer& issuer, const store::StatusList& list,
                                           const std::string& valid_from);

enum class StatusChange { revoke, suspend, unsuspend };

struct StatusChangeResult {
  store::Credential credential;
  PublishReport published;
};

/// Revokes (final), suspends or lifts a suspension of the credential `id`, with the
/// reason and actor in the audit log ("credential.revoke", "credential.suspend",
/// "credential.unsuspend"), then publishes. Fails with issuance.bad_option (empty reason
/// for revoke/suspend), issuance.not_found (unknown credential),
/// issuance.suspension_unsupported (the credential has no suspension entry: OB 3.0 badges
/// carry a single credentialStatus, for revocation), issuance.status_conflict
/// (already revoked, already suspended, not suspended), issuance.store, and
/// publish_status's errors (the change is recorded then: run `ecusson status publish`).
[[nodiscard]] Result<StatusChangeResult> change_status(store::Store& store, const Issuer& issuer,
                                                       const std::string& id, StatusChange change,
                                                       const std::string& reason,
                                                       const std::string& actor,
                                                       Lang lang = Lang::fr);

}  // namespace ecusson::issuance
