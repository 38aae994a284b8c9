"""Value types and entities of the household business."""
