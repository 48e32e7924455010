package io.recopipe.bench.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/** Netty 4.2 with the HTTP codec and aggregator, answering on the event loop. */
final class NettyStack {
  private NettyStack() {
  }

  static void start(int port, int loops, byte[] body, boolean epoll) throws Exception {
    EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    EventLoopGroup workers = new MultiThreadIoEventLoopGroup(loops,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    ByteBuf content = Unpooled.unreleasableBuffer(Unpooled.directBuffer(body.length)
        .writeBytes(body));
    new ServerBootstrap().group(boss, workers)
        .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                    StackServer.work();
                    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.OK, content.duplicate());
                    res.headers().set(HttpHeaderNames.CONTENT_TYPE,
                        HttpHeaderValues.APPLICATION_JSON);
                    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    boolean keepAlive = HttpUtil.isKeepAlive(req);
                    if (keepAlive) {
                      ctx.writeAndFlush(res);
                    } else {
                      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
                    }
                  }
                });
          }
        })
        .bind("127.0.0.1", port).sync();
  }
}
