"""ClusterDesk: the desktop workbench of a cluster secretariat for its international work."""

__version__ = "0.1.0"
APP_NAME = "ClusterDesk"
APP_ID = "clusterdesk"
