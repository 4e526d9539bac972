package dev.ssprkit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium}) driven through the Chrome DevTools protocol over a WebSocket
 * ({@code --remote-debugging-port=0}; the port is read from {@code DevToolsActivePort} in a fresh profile folder):
 * open a page at a window width, evaluate JavaScript, take a screenshot, and list every URL the page requested (to
 * prove a page loads nothing from the network). Flags as the oracles notes give them for a closed network, as root.
 *
 * <pre>{@code
 * Chromium.require();
 * try (Chromium c = Chromium.launch(); Chromium.Page p = c.open(file.toUri().toString(), 1280, 900)) {
 *     long rows = p.eval("document.querySelectorAll('tbody tr').length").asLong();
 * }
 * }</pre>
 */
public final class Chromium implements AutoCloseable {
    public static final String EXECUTABLE = "chromium";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    /** Skips locally, fails in CI (see {@link Tool#require}) unless chromium is installed. */
    public static void require() {
        Tool.require(EXECUTABLE);
    }

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    public static Chromium launch() {
        require();
        Path profile;
        Process process;
        try {
            profile = Files.createTempDirectory("ssprkit-chromium-");
            process = new ProcessBuilder(EXECUTABLE, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path port = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<String> lines = List.of();
            while (System.nanoTime() < deadline) {
                if (Files.exists(port)) {
                    lines = Files.readAllLines(port);
                    if (lines.size() >= 2) break;
                }
                if (!process.isAlive()) throw new AssertionError("chromium exited with " + process.exitValue() + " before it listened");
                Thread.sleep(50);
            }
            if (lines.size() < 2) throw new AssertionError("chromium did not write " + port + " within " + TIMEOUT);
            URI uri = URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip());
            Listener listener = new Listener();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(uri, listener).get(60, TimeUnit.SECONDS);
            Chromium c = new Chromium(process, profile, ws);
            listener.owner = c;
            return c;
        } catch (Exception e) {
            process.destroyForcibly();
            deleteTree(profile);
            if (e instanceof RuntimeException r) throw r;
            throw new AssertionError("could not connect to chromium's DevTools", e);
        }
    }

    /** Sends a command (to the browser, or to a page's session) and waits for its result. */
    JsonNode send(String sessionId, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) msg.put("sessionId", sessionId);
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        try {
            socket.sendText(msg.toString(), true).get(60, TimeUnit.SECONDS);
            JsonNode reply = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) throw new AssertionError(method + " failed: " + reply.get("error"));
            return reply.path("result");
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(method + " got no answer from chromium", e);
        } finally {
            pending.remove(id);
        }
    }

    /** Waits for an event of a session (older events of other kinds are dropped). */
    JsonNode await(String sessionId, String method) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e == null) continue;
                if (e.path("method").asText().equals(method) && (sessionId == null || sessionId.equals(e.path("sessionId").asText()))) return e;
                if (e.path("method").asText().equals("Network.requestWillBeSent")) record(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + method + " within " + TIMEOUT);
    }

    private final List<String> requested = Collections.synchronizedList(new ArrayList<>());

    private void record(JsonNode e) {
        requested.add(e.path("params").path("request").path("url").asText());
    }

    /** Opens a page in a new tab at this window size and waits for its load event. */
    public Page open(String url, int width, int height) {
        ObjectNode p = JSON.createObjectNode();
        p.put("url", "about:blank");
        String targetId = send(null, "Target.createTarget", p).path("targetId").asText();
        ObjectNode a = JSON.createObjectNode();
        a.put("targetId", targetId);
        a.put("flatten", true);
        String session = send(null, "Target.attachToTarget", a).path("sessionId").asText();
        Page page = new Page(targetId, session);
        send(session, "Page.enable", null);
        send(session, "Network.enable", null);
        page.resize(width, height);
        ObjectNode nav = JSON.createObjectNode();
        nav.put("url", url);
        send(session, "Page.navigate", nav);
        await(session, "Page.loadEventFired");
        return page;
    }

    /** One tab. */
    public final class Page implements AutoCloseable {
        private final String targetId, session;

        Page(String targetId, String session) {
            this.targetId = targetId;
            this.session = session;
        }

        public void resize(int width, int height) {
            ObjectNode m = JSON.createObjectNode();
            m.put("width", width);
            m.put("height", height);
            m.put("deviceScaleFactor", 1);
            m.put("mobile", width < 600);
            send(session, "Emulation.setDeviceMetricsOverride", m);
        }

        /** Evaluates an expression (promises awaited) and returns its value as JSON. */
        public JsonNode eval(String expression) {
            ObjectNode e = JSON.createObjectNode();
            e.put("expression", expression);
            e.put("returnByValue", true);
            e.put("awaitPromise", true);
            JsonNode r = send(session, "Runtime.evaluate", e);
            if (r.has("exceptionDetails")) throw new AssertionError("JavaScript failed: " + r.get("exceptionDetails") + "\n" + expression);
            return r.path("result").path("value");
        }

        /** A PNG of the whole page (beyond the viewport) at the current width. */
        public byte[] screenshot() {
            JsonNode metrics = send(session, "Page.getLayoutMetrics", null);
            JsonNode size = metrics.has("cssContentSize") ? metrics.path("cssContentSize") : metrics.path("contentSize");
            ObjectNode s = JSON.createObjectNode();
            s.put("format", "png");
            s.put("captureBeyondViewport", true);
            ObjectNode clip = s.putObject("clip");
            clip.put("x", 0);
            clip.put("y", 0);
            clip.put("width", size.path("width").asDouble());
            clip.put("height", size.path("height").asDouble());
            clip.put("scale", 1);
            return Base64.getDecoder().decode(send(session, "Page.captureScreenshot", s).path("data").asText());
        }

        /** Every URL the page has requested so far (events drained). */
        public List<String> requestedUrls() {
            JsonNode e;
            while ((e = events.poll()) != null) if (e.path("method").asText().equals("Network.requestWillBeSent")) record(e);
            return List.copyOf(requested);
        }

        @Override
        public void close() {
            ObjectNode c = JSON.createObjectNode();
            c.put("targetId", targetId);
            send(null, "Target.closeTarget", c);
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();
        volatile Chromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                try {
                    JsonNode msg = JSON.readTree(text);
                    Chromium c = owner;
                    if (c != null) {
                        if (msg.has("id")) {
                            CompletableFuture<JsonNode> f = c.pending.get(msg.get("id").asInt());
                            if (f != null) f.complete(msg);
                        } else {
                            c.events.add(msg);
                        }
                    }
                } catch (IOException ignored) {
                    // not JSON: the protocol only sends JSON
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"Browser.close\"}", true).get(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // already gone
        }
        socket.abort();
        Processes.awaitOrKill(process, 10);
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary profile; chromium may still be writing into it while it exits
        }
    }
}
