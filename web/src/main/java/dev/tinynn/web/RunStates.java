package dev.tinynn.web;

import dev.tinynn.web.api.RunStateJson;
import dev.tinynn.web.runner.Runners;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each Run in progress is doing, by the id its page gave it ({@code POST /api/run {"run": ID}}),
 * so that the page can ask ({@code GET /api/run/ID}) while it waits for the answer and say "waiting
 * for the other run…" when another tab of the same browser has the session's runner. A session sees
 * only its own Runs.
 */
final class RunStates {
    private final Map<String, RunStateJson> states = new ConcurrentHashMap<>();

    /** Records the Run's waits and start under its id; an empty or overlong id records nothing. */
    Runners.Listener listener(String session, String run) {
        if (run.isEmpty() || run.length() > 64) {
            return Runners.Listener.NONE;
        }
        String id = session + " " + run;
        return new Runners.Listener() {
            @Override
            public void waiting(String why) {
                states.put(id, RunStateJson.waiting(why));
            }

            @Override
            public void running() {
                states.put(id, RunStateJson.RUNNING);
            }
        };
    }

    /** {"state": "waiting", "message"}, {"state": "running"}, or {"state": "unknown"} (not begun, or answered). */
    RunStateJson state(String session, String run) {
        return states.getOrDefault(session + " " + run, RunStateJson.UNKNOWN);
    }

    /** Forgets a Run once it is answered. */
    void forget(String session, String run) {
        states.remove(session + " " + run);
    }
}
