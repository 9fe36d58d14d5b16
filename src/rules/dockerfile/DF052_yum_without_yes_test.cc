// DF052 yum-without-yes
// Inline cases, compiled into shipshape_tests only: rules/rules_test.cc runs them and
// renders the Bad ones into tests/snapshots/rules/DF052.snap.
#include "rules/cases.h"

namespace shipshape {
namespace {

const RuleCases kCases("DF052", {
    Bad("FROM centos:7\nRUN yum install httpd\n",
        "FROM centos:7\nRUN yum install -y httpd\n"),
    Bad("FROM centos:7\nRUN yum update && yum clean all\n",
        "FROM centos:7\nRUN yum update -y && yum clean all\n"),
    Bad("FROM centos:7\nRUN sudo yum groupinstall \"Development Tools\"\n",
        "FROM centos:7\nRUN sudo yum groupinstall -y \"Development Tools\"\n"),
    Good("FROM centos:7\nRUN yum install -y httpd\n"),
    Good("FROM centos:7\nRUN yum -y install httpd\n"),
    Good("FROM centos:7\nRUN yum --assumeyes install httpd\n"),
    Good("FROM centos:7\nRUN yum clean all\n"),
    Good("FROM centos:7\nRUN echo assumeyes=1 >> /etc/yum.conf\nRUN yum install httpd\n")});

}  // namespace
}  // namespace shipshape
