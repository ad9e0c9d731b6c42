%% A bridge's resource callbacks, as an EMQX or RabbitMQ plugin writes them.
-module(bridge_kafka).
-behaviour(emqx_resource).
-include_lib("emqx/include/logger.hrl").
-export([on_start/2, on_stop/2, on_query/3]).

-record(state, {client, topic}).

on_start(InstId, #{topic := Topic} = Config) ->
    case emqx_resource:allocate(InstId, Config) of
        {ok, Client} ->
            ?SLOG(info, #{msg => "started", inst => InstId}),
            {ok, #state{client = Client, topic = Topic}};
        {error, Reason} ->
            {error, Reason}
    end.

on_stop(_InstId, #state{client = C}) ->
    brod:stop_client(C).

on_query(_InstId, {send, Msg}, #state{client = C, topic = T}) ->
    brod:produce_sync(C, T, 0, <<>>, Msg);
on_query(_InstId, _Other, _State) ->
    {error, unsupported}.
