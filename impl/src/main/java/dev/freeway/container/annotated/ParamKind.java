package dev.freeway.container.annotated;

/** Where the value of one parameter of an annotated method comes from when the method is called. */
enum ParamKind {
    /** The connection's {@code Session}. */
    SESSION,
    /**
     * The value the call is about: the message (@OnMessage), the EndpointConfig (@OnOpen), the
     * CloseReason (@OnClose) or the Throwable (@OnError). A method has at most one.
     */
    EVENT,
    /** The {@code boolean last} flag of a method receiving messages in parts. */
    LAST,
    /** A {@code @PathParam} value, converted once when the connection opens. */
    PATH
}
