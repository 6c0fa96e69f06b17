#include "ecusson/common/templates.h"

#include <cstdlib>

#include "test_support.h"

namespace ecusson {
namespace {

// Restores the environment and the registered folder whatever the test does.
class TemplatesDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* v = std::getenv("ECUSSON_TEMPLATES")) saved_env_ = v, had_env_ = true;
    saved_dir_ = templates_dir();
    unsetenv("ECUSSON_TEMPLATES");
  }
  void TearDown() override {
    set_templates_dir(saved_dir_);
    if (had_env_) setenv("ECUSSON_TEMPLATES", saved_env_.c_str(), 1);
    else unsetenv("ECUSSON_TEMPLATES");
  }

 private:
  std::string saved_env_;
  bool had_env_ = false;
  std::filesystem::path saved_dir_;
};

TEST_F(TemplatesDirTest, test_programs_register_the_source_tree) {
  EXPECT_EQ(templates_dir(), test::templates_dir());
  EXPECT_TRUE(std::filesystem::exists(templates_dir() / "contexts"));
}

TEST_F(TemplatesDirTest, registered_folder_is_used_without_the_variable) {
  set_templates_dir("/opt/ecusson/share/templates");
  EXPECT_EQ(templates_dir(), "/opt/ecusson/share/templates");
}

TEST_F(TemplatesDirTest, the_variable_wins_over_the_registered_folder) {
  set_templates_dir("/opt/ecusson/share/templates");
  setenv("ECUSSON_TEMPLATES", "/srv/custom-templates", 1);
  EXPECT_EQ(templates_dir(), "/srv/custom-templates");
}

TEST_F(TemplatesDirTest, an_empty_variable_is_ignored) {
  set_templates_dir("/opt/ecusson/share/templates");
  setenv("ECUSSON_TEMPLATES", "", 1);
  EXPECT_EQ(templates_dir(), "/opt/ecusson/share/templates");
}

TEST_F(TemplatesDirTest, nothing_registered_means_the_working_directory) {
  set_templates_dir({});
  EXPECT_EQ(templates_dir(), "templates");
}

}  // namespace
}  // namespace ecusson
