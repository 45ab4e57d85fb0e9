vcl 4.1;
# The edge cache in front of the web instances (docs/OPERATIONS.md, "An edge cache"). It keeps what
# Next marks cacheable — question and landing pages (s-maxage, stale-while-revalidate) and the build's
# static files — and nothing else: the authoring app, the API, POSTs and every request carrying a
# session cookie go straight to a web instance. The outbox worker bans exactly the pages a change
# touched (lib/outbox/edge.ts sends BAN with the paths as a regular expression), after the web
# instances expired their own copies, so the next request fetches the new page.
import directors;

# Written per installation: the web instances as backends and a round-robin director `web` over them
# (deploy/varnish/backends.example.vcl).
include "backends.vcl";

# Who may ban: the workers' addresses. Loopback only by default.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = web.backend();
    if (req.method == "BAN") {
        if (!client.ip ~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.x-ban-path) {
            return (synth(400, "x-ban-path missing"));
        }
        # Lurker-friendly: matched against the object's own x-url, so bans are cleared in the background.
        ban("obj.http.x-url ~ " + req.http.x-ban-path);
        return (synth(200, "Banned"));
    }
    # Prometheus scrapes each instance directly; through the edge every client would look local.
    if (req.url ~ "^/metrics") {
        return (synth(404, "Not Found"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|api)(/|\?|$)") {
        return (pass);
    }
    # A signed-in author sees pages as they are now, never a shared copy.
    if (req.http.Cookie ~ "(^|;\s*)(__Secure-)?better-auth\.") {
        return (pass);
    }
    # The public pages read no cookies (they are the same for every reader): none may split the cache.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    set beresp.http.x-url = bereq.url;
    # A page Next marked stale-while-revalidate may be served stale for a while if the web instances are
    # slow or down; a ban still removes it at once.
    if (beresp.ttl > 0s && beresp.http.Cache-Control ~ "stale-while-revalidate") {
        set beresp.grace = 1h;
    }
}

# An instance that went away between two probes (stopped in a deploy, crashed): a read is tried again on
# the next instance instead of failing the reader's request.
sub vcl_backend_error {
    if (bereq.retries < 2 && (bereq.method == "GET" || bereq.method == "HEAD")) {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.x-url;
    if (obj.uncacheable) {
        set resp.http.x-edge-cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.x-edge-cache = "HIT";
    } else {
        set resp.http.x-edge-cache = "MISS";
    }
}
