package io.recopipe.serving.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One server's event loops and listening sockets, including SO_REUSEPORT ones added while it runs,
 * so that a new revision can listen on the stable port before the old one lets go of it. Epoll on
 * Linux (what the image runs), NIO elsewhere. Connections are accepted on a thread of their own, as
 * Jetty's acceptor did: an event loop busy answering would let new connections wait in the kernel's
 * accept queue, and a listener closed during a handover resets those.
 */
public final class Connectors {
  private final EventLoopGroup acceptor;
  private final EventLoopGroup loops;
  private final Class<? extends ServerChannel> channelType;
  private final HttpService service;
  private final List<Channel> listeners = new CopyOnWriteArrayList<>();

  /** Starts {@code threads} event loops named {@code name-N} answering with {@code service}. */
  public Connectors(String name, int threads, HttpService service) {
    IoHandlerFactory io =
        Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.acceptor =
        new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name + "-accept", true), io);
    this.loops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), io);
    this.channelType =
        Epoll.isAvailable() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    this.service = service;
  }

  /** Listens on {@code host:port} (0: an ephemeral port); returns the bound port. */
  public int listen(String host, int port, boolean reusePort) throws InterruptedException {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptor, loops)
            .channel(channelType)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(service.initializer());
    if (reusePort) {
      if (Epoll.isAvailable()) {
        bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
      } else {
        bootstrap.option(NioChannelOption.of(StandardSocketOptions.SO_REUSEPORT), true);
      }
    }
    Channel channel = bootstrap.bind(host, port).sync().channel();
    listeners.add(channel);
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The local ports being listened on. */
  public List<Integer> ports() {
    List<Integer> ports = new ArrayList<>();
    for (Channel channel : listeners) {
      if (channel.isOpen()) {
        ports.add(((InetSocketAddress) channel.localAddress()).getPort());
      }
    }
    return ports;
  }

  /** Closes every listening socket (existing connections keep going). */
  public void closeListeners() {
    for (Channel channel : listeners) {
      if (channel.isOpen()) {
        channel.close().syncUninterruptibly();
      }
    }
  }

  /** The service answering the connections. */
  public HttpService service() {
    return service;
  }

  /** Closes the listeners and every connection, and stops the event loops and workers. */
  public void stop() {
    if (loops.isShuttingDown()) {
      return;
    }
    closeListeners();
    acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    service.stop();
  }
}
