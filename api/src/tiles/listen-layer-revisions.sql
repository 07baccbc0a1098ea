-- The channel 0091_layer_revision_notify notifies on every change of layer_revisions.
listen layer_revisions;
