# The web instances behind the edge (`npm run serve` on each), probed through readiness so that an
# instance that is starting, stopping or cut off from Postgres gets no traffic. Copy to backends.vcl
# beside yibao.vcl (or into varnishd's vcl_path) and list every instance.
probe ready {
    .url = "/api/health/ready";
    .interval = 5s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend web1 {
    .host = "127.0.0.1";
    .port = "3000";
    .probe = ready;
}

sub vcl_init {
    new web = directors.round_robin();
    web.add_backend(web1);
}
