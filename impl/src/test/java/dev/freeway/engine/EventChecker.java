package dev.freeway.engine;

import dev.freeway.api.CloseCodes;
import dev.freeway.api.Opcode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Follows one connection under fuzzing and checks, event by event, that what comes out is
 * well-formed and within the connection's {@link EngineConfig} (the properties are listed on
 * {@link EngineFuzzTest}). It answers a server's handshake request as an application would, and
 * reads everything the engine wants to send with a connection of the opposite role.
 */
final class EventChecker {
    private final FuzzInput input;
    private final EngineConfig config;
    private final DeflateSettings deflateSettings;
    private final Connection connection;
    private final int streamLength;
    /** Events allowed besides those carrying inflated bytes: two per input byte and a few more. */
    private final long eventBudget;
    /** Inflated bytes allowed: DEFLATE expands at most 1032:1. */
    private final long inflateBudget;

    private long events;
    private long inflated;
    /** The events as lines, to compare with another split of the same stream. */
    private final Feed.Recorder transcript = new Feed.Recorder();

    private boolean open;
    private boolean deflate;
    private boolean rejected;
    private boolean rejectBodyDone;
    /** Reads our output: the opposite role, answering nothing. */
    private Connection peer;

    private boolean messageOpen;
    private boolean messageText;
    private boolean messageCompressed;
    private long messageDeclared;
    private long messageBytes;
    private final Utf8Oracle utf8 = new Utf8Oracle();
    private boolean frameOpen;
    private boolean frameFin;
    private long frameDeclared;
    private long frameBytes;

    private byte[] lastPing;
    private boolean closeReceived;
    private boolean inputEnded;
    private boolean endReported;
    /** The close code our next output must carry, or 0 when no close frame is owed. */
    private int closeOwed;
    private boolean closeSent;

    EventChecker(FuzzInput input, DeflateSettings deflateSettings, Connection connection, int streamLength) {
        this.input = input;
        this.config = input.config();
        this.deflateSettings = deflateSettings;
        this.connection = connection;
        this.streamLength = streamLength;
        this.eventBudget = 16 + 2L * streamLength;
        this.inflateBudget = 1024 + 1032L * streamLength;
    }

    /** The handshake is done (or was done elsewhere); frames follow. */
    void opened(boolean deflateAgreed) {
        check(!open, "opened twice");
        check(connection.state() == ConnectionState.OPEN, "state " + connection.state() + " after the handshake");
        open = true;
        deflate = deflateAgreed;
        Role other = input.role() == Role.SERVER ? Role.CLIENT : Role.SERVER;
        peer = Connection.established(other, EngineConfig.builder().autoPong(false).autoCloseReply(false).build(),
                List.of());
    }

    /** {@code receiveEnd()} was called. */
    void inputEnded() {
        inputEnded = true;
    }

    void release() {
        if (peer != null) {
            peer.release();
        }
    }

    /** The events seen, data merged per frame (see {@link Feed.Recorder}), and the error if any. */
    List<String> transcript() {
        transcript.flush();
        return transcript.lines;
    }

    /**
     * How a transcript ends after {@code error}. How much of the failing frame came out before
     * depends on the split, so that part is left out. And under permessage-deflate, a message that
     * is over maxMessageSize and also invalid (corrupt DEFLATE data, or text that is not UTF-8)
     * gets 1009 or 1007 depending on which violation shows first in the chunk the inflater
     * returned, and how much zlib inflates at once depends on the split (with corrupt data,
     * {@link java.util.zip.Inflater} drops the output it made before failing): either code is
     * taken then.
     */
    static String errorLine(RemoteProtocolError error, boolean deflate) {
        int code = error.closeCode();
        boolean eitherCode = deflate && (code == CloseCodes.INVALID_PAYLOAD || code == CloseCodes.MESSAGE_TOO_BIG);
        return "error " + (eitherCode ? "1007 or 1009" : code);
    }

    // ---- events

    void event(Event e) {
        transcript.add(e);
        check(!endReported, "an event after the end of the connection was reported: " + e);
        boolean carriesInflated = e instanceof Data d && messageCompressed && d.payload().hasRemaining();
        if (!carriesInflated) {
            check(++events <= eventBudget, "more than " + eventBudget + " events from " + streamLength + " bytes");
        }
        if (e instanceof Request r) {
            request(r);
        } else if (e instanceof AcceptConnection a) {
            check(input.role() == Role.CLIENT && !open && !rejected, "unexpected " + e);
            opened(a.extensions().stream().anyMatch(PerMessageDeflate::isPerMessageDeflate));
        } else if (e instanceof RejectConnection) {
            check(input.role() == Role.CLIENT && !open && !rejected, "unexpected " + e);
            rejected = true;
        } else if (e instanceof RejectData d) {
            check(rejected && !rejectBodyDone, "unexpected " + e);
            check(d.data().hasRemaining() || d.bodyFinished(), "an empty RejectData before the body's end");
            rejectBodyDone = d.bodyFinished();
        } else if (e instanceof FrameBegin f) {
            frameBegin(f);
        } else if (e instanceof Data d) {
            data(d);
        } else if (e instanceof Close c) {
            close(c);
        } else {
            control(e);
        }
    }

    private void request(Request r) {
        check(input.role() == Role.SERVER && !open, "unexpected " + r);
        Optional<PerMessageDeflate.Negotiated> agreed = PerMessageDeflate.negotiate(r.extensions(), deflateSettings);
        connection.send(new AcceptConnection(null, agreed.map(n -> List.of(n.response())).orElse(List.of()), null));
        opened(agreed.isPresent());
    }

    private void frameBegin(FrameBegin f) {
        check(open && !closeReceived && !frameOpen, "unexpected " + f);
        boolean begins = f.messageBegins();
        check(begins != messageOpen, begins ? "a new message inside a fragmented one" : "a continuation with no message");
        check(!Opcode.isReserved(f.opcode()) || config.allowReservedOpcodes(), "reserved opcode delivered: " + f);
        int negotiated = begins && deflate ? 4 : 0;
        check((f.rsv() & ~(config.allowedRsv() | negotiated)) == 0, "RSV bits neither negotiated nor allowed: " + f);
        check(f.length() <= config.maxFrameSize(), "frame over maxFrameSize: " + f);
        if (begins) {
            messageOpen = true;
            messageText = f.opcode() == Opcode.TEXT;
            messageCompressed = deflate && f.rsv1();
            messageDeclared = 0;
            messageBytes = 0;
            utf8.reset();
        }
        if (!messageCompressed) {
            messageDeclared += f.length();
            check(messageDeclared <= config.maxMessageSize(), "message declared over maxMessageSize: " + f);
        }
        frameOpen = true;
        frameFin = f.fin();
        frameDeclared = f.length();
        frameBytes = 0;
    }

    private void data(Data d) {
        check(frameOpen, "Data outside a frame");
        check(d.text() == messageText, "Data.text() disagrees with the message's opcode");
        check(!d.messageFinished() || d.frameFinished(), "messageFinished without frameFinished");
        int n = d.payload().remaining();
        check(n > 0 || d.frameFinished(), "empty Data before the end of its frame");
        frameBytes += n;
        messageBytes += n;
        check(messageBytes <= config.maxMessageSize(), "more than maxMessageSize delivered: " + messageBytes);
        if (messageCompressed) {
            inflated += n;
            check(inflated <= inflateBudget, "inflated " + inflated + " bytes, more than DEFLATE can expand to");
        } else {
            check(frameBytes <= frameDeclared, "frame payload beyond its declared " + frameDeclared + " bytes");
        }
        if (messageText) {
            check(utf8.feed(d.payload()), "text that is not UTF-8 delivered");
        }
        if (d.frameFinished()) {
            check(messageCompressed || frameBytes == frameDeclared,
                    "frame of " + frameDeclared + " bytes ended after " + frameBytes);
            check(d.messageFinished() == frameFin, "messageFinished disagrees with the frame's FIN");
            frameOpen = false;
            if (d.messageFinished()) {
                check(!messageText || utf8.end(), "text message ends inside a code point");
                messageOpen = false;
            }
        }
    }

    private void control(Event e) {
        check(open && !closeReceived && !frameOpen, "unexpected " + e);
        if (e instanceof Ping p) {
            check(p.payload().remaining() <= 125, "ping over 125 bytes");
            lastPing = bytes(p.payload());
        } else if (e instanceof Pong p) {
            check(p.payload().remaining() <= 125, "pong over 125 bytes");
        } else if (e instanceof ControlFrame c) {
            check(config.allowReservedOpcodes(), "reserved control opcode delivered: " + c);
            check(c.payload().remaining() <= 125, "control frame over 125 bytes");
        } else {
            throw new AssertionError("unexpected event " + e);
        }
    }

    private void close(Close c) {
        if (c.code() == CloseCodes.CLOSED_ABNORMALLY) {
            // Reported once, at the end of input, unless the close handshake completed.
            check(inputEnded, "Close(1006) before the end of input");
            check(!(closeReceived && closeSent), "Close(1006) after a completed close handshake");
            check(connection.state() == ConnectionState.CLOSED, "state " + connection.state() + " after Close(1006)");
            endReported = true;
            return;
        }
        check(open && !closeReceived && !frameOpen, "unexpected " + c);
        check(CloseCodes.isValidOnWire(c.code()) || (c.code() == CloseCodes.NO_STATUS_CODE && c.reason().isEmpty()),
                "close code " + c.code() + " cannot come from the wire");
        check(c.reason().getBytes(StandardCharsets.UTF_8).length <= Close.MAX_REASON_BYTES, "close reason too long");
        closeReceived = true;
        if (config.autoCloseReply()) {
            closeOwed = c.code();
            check(connection.state() == ConnectionState.CLOSED, "state " + connection.state() + " after a close reply");
        } else {
            check(connection.state() == ConnectionState.REMOTE_CLOSING, "state " + connection.state() + " after Close");
        }
    }

    // ---- output

    /** Checks what {@link Connection#pendingOutput()} returned: pongs and close frames, well-formed. */
    void output(ByteBuffer out) {
        if (out == null) {
            check(closeOwed == 0, "the close reply was not sent");
            return;
        }
        check(open, "output before the handshake completed");
        check(!closeSent, "output after our close frame");
        List<Event> frames = new ArrayList<>();
        peer.receive(ByteBuffer.wrap(bytes(out)));
        try {
            for (Event e; (e = peer.nextEvent()) != null; ) {
                frames.add(e instanceof Pong p ? new Pong(ByteBuffer.wrap(bytes(p.payload()))) : e);
            }
        } catch (RemoteProtocolError err) {
            throw new AssertionError("the engine's output is malformed: " + err.getMessage(), err);
        }
        check(!frames.isEmpty(), "output that is not a whole frame");
        for (Event e : frames) {
            check(!closeSent, "a frame after our close frame");
            if (e instanceof Pong p) {
                check(config.autoPong() && lastPing != null && Arrays.equals(bytes(p.payload()), lastPing),
                        "a pong that answers no ping");
            } else if (e instanceof Close c) {
                check(closeOwed != 0, "a close frame nobody asked for: " + c);
                check(c.code() == closeOwed, "close code " + c.code() + " sent, " + closeOwed + " expected");
                closeOwed = 0;
                closeSent = true;
            } else {
                throw new AssertionError("the engine sent " + e + " on its own");
            }
        }
    }

    // ---- errors

    /** Checks the connection after the peer's protocol error {@code error}. */
    void failed(RemoteProtocolError error) {
        transcript.discardPartial();
        transcript.lines.add(errorLine(error, deflate));
        check(connection.state() == ConnectionState.CLOSED, "state " + connection.state() + " after " + error);
        try {
            check(connection.nextEvent() == null, "an event after " + error);
        } catch (RemoteProtocolError again) {
            throw new AssertionError("nextEvent() threw again after " + error, again);
        }
        ByteBuffer out = connection.pendingOutput();
        if (error.rejection() != null) {
            check(input.role() == Role.SERVER && !open, "an HTTP rejection outside a server's handshake");
            checkRejection(out, error);
        } else if (open) {
            check(closeOwed == 0 && !closeSent, "a protocol error after the close handshake");
            check(error.closeCode() != CloseCodes.MESSAGE_TOO_BIG
                            || config.maxFrameSize() < Long.MAX_VALUE || config.maxMessageSize() < Long.MAX_VALUE,
                    "1009 with no size limit set: " + error.getMessage());
            closeOwed = error.closeCode();
            check(out != null, "no close frame after " + error);
            output(out);
        } else {
            check(out == null, "output after a failed client handshake");
        }
    }

    /** A server's refusal must parse, for a client, as the status and body the error names. */
    private static void checkRejection(ByteBuffer out, RemoteProtocolError error) {
        check(out != null, "no HTTP response after " + error);
        Connection client = Connection.client(EngineConfig.defaults(), DeflateSettings.disabled());
        try {
            client.send(new Request("example.com", "/"));
            client.receive(ByteBuffer.wrap(bytes(out)));
            client.receiveEnd();
            Event head = client.nextEvent();
            check(head instanceof RejectConnection r && r.status() == error.rejection().status(),
                    "the rejection reads as " + head);
            StringBuilder body = new StringBuilder();
            for (Event e; (e = client.nextEvent()) != null; ) {
                if (e instanceof RejectData d) {
                    body.append(StandardCharsets.UTF_8.decode(d.data()));
                }
            }
            check(body.toString().equals(error.rejectionBody()), "the rejection's body reads as '" + body + "'");
        } catch (RemoteProtocolError unreadable) {
            throw new AssertionError("a client cannot read the rejection: " + unreadable.getMessage(), unreadable);
        } finally {
            client.release();
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
