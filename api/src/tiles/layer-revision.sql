-- $1 layer. The revision a tile's ETag is made from; bumped by triggers (0050_layer_revisions).
select revision, (extract(epoch from changed_at) * 1000)::bigint as changed_ms
from layer_revisions
where layer = $1;
