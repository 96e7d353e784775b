-- POST a configuration with 2 plugins. Env: FLEXCONF_AUTH (Basic header value), FLEXCONF_BODY (form body).
wrk.method = "POST"
wrk.body = os.getenv("FLEXCONF_BODY")
wrk.headers["Authorization"] = os.getenv("FLEXCONF_AUTH")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
