/**
 * The building blocks of inbound messages, independent of a session: the session's registered
 * message handlers ({@code MessageHandlers}), the sink interface a frame-by-frame delivery
 * implements, the buffer a whole message grows in, the UTF-8 decoding of text split across frames,
 * and the blocking pipe a streamed message is read from. Internal to Freeway, not API.
 */
package dev.freeway.container.message;
