-- wrk script: an authorised read (the path and token come from the environment).
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("MELDROUTE_TOKEN")
wrk.path = os.getenv("MELDROUTE_PATH")
