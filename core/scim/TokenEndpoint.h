#pragma once

#include "core/scim/ScimMessage.h"

namespace ScimConsole::Core {

class Database;

/// `POST <base>/oauth2/token` (docs/oauth-rules.md C-06, RFC 6749 §4.4): the client credentials grant. Client
/// authentication by HTTP Basic (§2.3.1, id and secret form-encoded) or `client_id`/`client_secret` in the form body,
/// never both and never in the query. Answers `{"access_token", "token_type": "Bearer", "expires_in"}` with
/// `Cache-Control: no-store`, or a §5.2 error as JSON. The sync log learns the client id and the outcome, never a
/// secret or a token.
class TokenEndpoint
{
public:
    static ScimResponse handle(Database &db, const ScimRequest &request);
};

} // namespace ScimConsole::Core
