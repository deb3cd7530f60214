/**
 * The demo's chat: {@code /chat/{room}} broadcasts every line to the members of its room.
 *
 * <p>Written with Freeway's CDI module: the endpoint is a bean made per connection, and
 * {@link dev.freeway.examples.chat.ChatMember}, what belongs to one connection, is a
 * {@code @WebSocketSessionScoped} bean with an injected {@code Session}.
 */
package dev.freeway.examples.chat;
